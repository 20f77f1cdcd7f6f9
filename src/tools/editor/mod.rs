//! The scheme editor's changes to a scheme's shape: sources, categories and their indicator sets,
//! indicators, vote scales, tiers, stars, quotas, vetoes and satisfaction caps added, removed,
//! renamed and reordered. Pure: each change takes the scheme and gives the changed scheme, which
//! may not be valid yet (the editor shows [`Scheme::validate`]'s error at its section). The
//! weights, thresholds and quota shares the workshop tries stay in its [`Trial`], carried over a
//! change of shape by [`Trial::carry`].

mod fields;
pub mod view;

use dingji_rules::scheme::Limit;
use dingji_rules::scheme::{
    CapBase, Category, Indicator, Quota, QuotaRounding, SatisfactionCap, Scope, Scoring, Source,
    SourceKind, StarCap, StarLevel, Stars, Veto, VoteLevel, VoteScale,
};
use dingji_rules::{Decimal, Error, Lang, Scheme, Text, Tier, TierStars};

use crate::tools::strings::tool_strings;
use crate::tools::workshop::{Share, Trial};

/// A text the user wrote: one language, shown in both.
pub fn written(text: &str) -> Text {
    Text::new(text, text)
}

/// An id not yet among `taken`: `prefix` then the least number free (`s1`, `s2`, …).
pub fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or_default()
}

/// A scheme to start from nothing: one category, one source scored directly at 100%, four tiers
/// (好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60, 较差), no stars, no quotas, two decimals half up.
pub fn blank() -> Scheme {
    let tier = |zh: &str, en: &str, min: Option<u32>| Tier {
        name: Text::new(zh, en),
        min: min.map(Decimal::from),
        stars: TierStars::None,
        follow_up: Text::default(),
    };
    Scheme {
        format: Scheme::FORMAT,
        id: "custom".into(),
        name: Text::new("我的方案", "My scheme"),
        citation: Text::default(),
        categories: vec![Category {
            id: "c1".into(),
            name: Text::new("村", "Village"),
        }],
        indicators: Vec::new(),
        category_indicators: Vec::new(),
        bonus_cap: None,
        sources: vec![Source {
            id: "s1".into(),
            name: Text::new("评分", "Score"),
            weight: Decimal::ONE_HUNDRED,
            input: SourceKind::Direct,
        }],
        rounding: Default::default(),
        tiers: vec![
            tier("好", "Good", Some(90)),
            tier("较好", "Fairly good", Some(80)),
            tier("一般", "Average", Some(60)),
            tier("较差", "Poor", None),
        ],
        stars: None,
        distribution: Default::default(),
        vetoes: Vec::new(),
        satisfaction_caps: Vec::new(),
    }
}

/// The input forms a source can take, as the editor names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Direct,
    Indicators,
    Vote,
}

impl Form {
    pub const ALL: [Form; 3] = [Form::Direct, Form::Indicators, Form::Vote];

    pub fn of(kind: &SourceKind) -> Form {
        match kind {
            SourceKind::Direct => Form::Direct,
            SourceKind::Indicators => Form::Indicators,
            SourceKind::Vote(_) => Form::Vote,
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let t = tool_strings(lang);
        match self {
            Form::Direct => t.form_direct(),
            Form::Indicators => t.form_indicators(),
            Form::Vote => t.form_vote(),
        }
    }

    /// The source kind of this form: a vote starts with the seeds' 好/较好/一般/较差 scale
    /// (100/80/60/0, the first level satisfied).
    pub fn kind(self) -> SourceKind {
        match self {
            Form::Direct => SourceKind::Direct,
            Form::Indicators => SourceKind::Indicators,
            Form::Vote => SourceKind::Vote(VoteScale {
                levels: [
                    ("好", "Good", 100),
                    ("较好", "Fairly good", 80),
                    ("一般", "Average", 60),
                    ("较差", "Poor", 0),
                ]
                .into_iter()
                .map(|(zh, en, p)| VoteLevel {
                    name: Text::new(zh, en),
                    points: Decimal::from(p),
                    valid: true,
                })
                .collect(),
                satisfied_levels: 1,
                participation: None,
            }),
        }
    }
}

/// A new source scored directly, with weight 0 (the total is then set by the user).
pub fn add_source(scheme: &mut Scheme) {
    let id = fresh_id("s", scheme.sources.iter().map(|s| s.id.as_str()));
    let n = scheme.sources.len() + 1;
    scheme.sources.push(Source {
        id,
        name: Text::new(format!("评价主体{n}"), format!("Source {n}")),
        weight: Decimal::ZERO,
        input: SourceKind::Direct,
    });
}

/// Source `i` removed, with the satisfaction caps that read its vote.
pub fn remove_source(scheme: &mut Scheme, i: usize) {
    if i < scheme.sources.len() && scheme.sources.len() > 1 {
        let gone = scheme.sources.remove(i);
        scheme.satisfaction_caps.retain(|c| c.source != gone.id);
    }
}

/// Item `i` of `items` moved one place up (towards the start), if it can be.
pub fn move_up<T>(items: &mut [T], i: usize) {
    if i > 0 && i < items.len() {
        items.swap(i - 1, i);
    }
}

/// Source `i` given `form` (a vote keeps its scale if it already was one); satisfaction caps on
/// a source that is no longer a vote are removed.
pub fn set_form(scheme: &mut Scheme, i: usize, form: Form) {
    let Some(source) = scheme.sources.get_mut(i) else {
        return;
    };
    if Form::of(&source.input) == form {
        return;
    }
    source.input = form.kind();
    let id = source.id.clone();
    if form != Form::Vote {
        scheme.satisfaction_caps.retain(|c| c.source != id);
    }
}

/// The vote scale of source `i`, if it is a vote.
pub fn scale_mut(scheme: &mut Scheme, i: usize) -> Option<&mut VoteScale> {
    match scheme.sources.get_mut(i).map(|s| &mut s.input) {
        Some(SourceKind::Vote(scale)) => Some(scale),
        _ => None,
    }
}

/// A new category with the shared indicator set.
pub fn add_category(scheme: &mut Scheme) {
    let id = fresh_id("c", scheme.categories.iter().map(|c| c.id.as_str()));
    let n = scheme.categories.len() + 1;
    scheme.categories.push(Category {
        id,
        name: Text::new(format!("分类{n}"), format!("Category {n}")),
    });
}

/// Category `i` removed, with its own indicator set and its quota shares.
pub fn remove_category(scheme: &mut Scheme, i: usize) {
    if i >= scheme.categories.len() || scheme.categories.len() < 2 {
        return;
    }
    let gone = scheme.categories.remove(i);
    scheme.category_indicators.retain(|(id, _)| *id != gone.id);
    for quota in [
        &mut scheme.distribution.min_lowest,
        &mut scheme.distribution.max_top,
    ]
    .into_iter()
    .flatten()
    {
        quota.per_category.retain(|(id, _)| *id != gone.id);
    }
}

/// Which indicator set: the shared one, or a category's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Set {
    Shared,
    Own(String),
}

impl Set {
    pub fn get<'a>(&self, scheme: &'a Scheme) -> &'a [Indicator] {
        match self {
            Set::Shared => &scheme.indicators,
            Set::Own(id) => scheme
                .category_indicators
                .iter()
                .find(|(c, _)| c == id)
                .map_or(&[][..], |(_, set)| set.as_slice()),
        }
    }

    pub fn get_mut<'a>(&self, scheme: &'a mut Scheme) -> Option<&'a mut Vec<Indicator>> {
        match self {
            Set::Shared => Some(&mut scheme.indicators),
            Set::Own(id) => scheme
                .category_indicators
                .iter_mut()
                .find(|(c, _)| c == id)
                .map(|(_, set)| set),
        }
    }
}

/// Category `id` given its own indicator set (a copy of the shared one), or back to the shared.
pub fn own_set(scheme: &mut Scheme, id: &str, own: bool) {
    let has = scheme.category_indicators.iter().any(|(c, _)| c == id);
    if own && !has {
        let copy = scheme.indicators.clone();
        scheme.category_indicators.push((id.to_owned(), copy));
    } else if !own {
        scheme.category_indicators.retain(|(c, _)| c != id);
    }
}

/// A new indicator in `set`: added points, worth what the set's base items still lack of 100
/// (at least 1).
pub fn add_indicator(scheme: &mut Scheme, set: &Set) {
    let Some(items) = set.get_mut(scheme) else {
        return;
    };
    let id = fresh_id("i", items.iter().map(|i| i.id.as_str()));
    let used: Decimal = items.iter().filter(|i| !i.bonus).map(|i| i.max).sum();
    let left = Decimal::ONE_HUNDRED - used;
    let n = items.len() + 1;
    items.push(Indicator {
        id,
        name: Text::new(format!("指标{n}"), format!("Indicator {n}")),
        max: if left >= Decimal::ONE {
            left
        } else {
            Decimal::ONE
        },
        points: Text::default(),
        scoring: Scoring::Add,
        bonus: false,
        custom: false,
    });
}

/// The base (non-bonus) points of a set, to show against 100.
pub fn base_total(items: &[Indicator]) -> Decimal {
    items.iter().filter(|i| !i.bonus).map(|i| i.max).sum()
}

/// A new tier just above the lowest, its threshold halfway between its neighbours' (or 10
/// below the one above).
pub fn add_tier(scheme: &mut Scheme) {
    let last = scheme.tiers.len().saturating_sub(1);
    let above = last.checked_sub(1).and_then(|i| scheme.tiers[i].min);
    let min = match above {
        Some(a) if a >= Decimal::TEN => a - Decimal::TEN,
        Some(a) => a / Decimal::TWO,
        None => Decimal::from(60),
    };
    let n = scheme.tiers.len() + 1;
    scheme.tiers.insert(
        last,
        Tier {
            name: Text::new(format!("等次{n}"), format!("Tier {n}")),
            min: Some(min),
            stars: TierStars::None,
            follow_up: Text::default(),
        },
    );
}

/// Tier `i` removed (a scheme keeps two): the lowest keeps no threshold, and the rules that name
/// tiers by index are moved with them (a rule on the removed tier goes to the one below).
pub fn remove_tier(scheme: &mut Scheme, i: usize) {
    if i >= scheme.tiers.len() || scheme.tiers.len() < 3 {
        return;
    }
    scheme.tiers.remove(i);
    if let Some(last) = scheme.tiers.last_mut() {
        last.min = None;
    }
    let last = scheme.tiers.len() - 1;
    let shift = |t: &mut usize| {
        if *t > i {
            *t -= 1;
        }
        *t = (*t).min(last);
    };
    let limits = scheme
        .vetoes
        .iter_mut()
        .map(|v| &mut v.limit)
        .chain(scheme.satisfaction_caps.iter_mut().map(|c| &mut c.limit));
    for limit in limits {
        if let Limit::ForceTier(t) | Limit::TierAtMost(t) = limit {
            shift(t);
        }
    }
    if let Some(StarCap {
        base: CapBase::Tier(t),
        ..
    }) = scheme.stars.as_mut().and_then(|s| s.cap.as_mut())
    {
        shift(t);
    }
}

/// Stars given (five levels, 五星 … 不定星, each tier given none until set) or taken away (with
/// the tiers' star mappings and the limits on stars).
pub fn set_stars(scheme: &mut Scheme, on: bool) {
    if on && scheme.stars.is_none() {
        let names = ["不定星", "一星级", "二星级", "三星级", "四星级", "五星级"];
        scheme.stars = Some(Stars {
            levels: (0..=5u8)
                .rev()
                .map(|n| StarLevel {
                    stars: n,
                    name: Text::new(
                        names[usize::from(n)],
                        if n == 0 {
                            "No stars".to_owned()
                        } else {
                            format!("{n} stars")
                        },
                    ),
                    confirmer: Text::default(),
                })
                .collect(),
            cap: None,
        });
    } else if !on {
        scheme.stars = None;
        for tier in &mut scheme.tiers {
            tier.stars = TierStars::None;
        }
        let no_stars = |l: &Limit| matches!(l, Limit::StarsAtMost(_));
        scheme.vetoes.retain(|v| !no_stars(&v.limit));
        scheme.satisfaction_caps.retain(|c| !no_stars(&c.limit));
    }
}

/// A quota as the seeds have it: `share`% rounded `rounding`, all organizations together.
pub fn quota(share: u32, rounding: QuotaRounding) -> Quota {
    Quota {
        share: Decimal::from(share),
        rounding,
        scope: Scope::All,
        per_category: Vec::new(),
    }
}

/// The top star's cap as the seeds have it: at most 20% of the top tier, rounded down, the rest
/// one star fewer.
pub fn star_cap(stars: &Stars) -> Option<StarCap> {
    let top = stars.levels.iter().map(|l| l.stars).max()?;
    let next = stars
        .levels
        .iter()
        .map(|l| l.stars)
        .filter(|n| *n < top)
        .max()
        .unwrap_or(top);
    Some(StarCap {
        stars: top,
        share: Decimal::from(20),
        base: CapBase::Tier(0),
        rounding: QuotaRounding::Floor,
        scope: Scope::All,
        demote_to: next,
    })
}

/// A new veto: it makes the tier the lowest.
pub fn add_veto(scheme: &mut Scheme) {
    let id = fresh_id("v", scheme.vetoes.iter().map(|v| v.id.as_str()));
    let n = scheme.vetoes.len() + 1;
    scheme.vetoes.push(Veto {
        id,
        name: Text::new(format!("否决事项{n}"), format!("Veto {n}")),
        limit: Limit::ForceTier(scheme.lowest_tier()),
    });
}

/// A new satisfaction cap on the first vote source: below 60% satisfied, at most the
/// second-lowest tier. `false` when the scheme has no vote.
pub fn add_satisfaction_cap(scheme: &mut Scheme) -> bool {
    let Some(source) = scheme
        .sources
        .iter()
        .find(|s| Form::of(&s.input) == Form::Vote)
    else {
        return false;
    };
    let source = source.id.clone();
    let tier = scheme.lowest_tier().saturating_sub(1);
    scheme.satisfaction_caps.push(SatisfactionCap {
        source,
        below: Decimal::from(60),
        limit: Limit::TierAtMost(tier),
    });
    true
}

/// The part of the editor a validation error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Sources,
    Categories,
    Indicators,
    Tiers,
    Stars,
    Quotas,
    Vetoes,
    Rounding,
}

impl Section {
    /// Where `error` (from [`Scheme::validate`]) is shown.
    pub fn of(error: &Error) -> Section {
        match error {
            Error::WeightsSum { .. }
            | Error::NoSources
            | Error::NoVoteLevels { .. }
            | Error::SatisfiedLevels { .. } => Section::Sources,
            Error::NoCategories | Error::UnknownCategory { .. } => Section::Categories,
            Error::IndicatorSum { .. } | Error::UnknownIndicator { .. } => Section::Indicators,
            Error::ThresholdsNotDescending { .. }
            | Error::ThresholdMissing { .. }
            | Error::NoTiers => Section::Tiers,
            Error::UnknownStars { .. } => Section::Stars,
            Error::RoundingDecimals { .. } => Section::Rounding,
            Error::UnknownSource { .. } | Error::UnknownVeto { .. } => Section::Vetoes,
            Error::DuplicateId { what, .. } => match what.as_str() {
                "分类" => Section::Categories,
                "指标" => Section::Indicators,
                "否决事项" => Section::Vetoes,
                _ => Section::Sources,
            },
            Error::OutOfRange { field, .. } => {
                let parts = field.split(" · ").count();
                if field.ends_with("等次比例") {
                    Section::Quotas
                } else if field == "五星比例" {
                    Section::Stars
                } else if field == "满意度下限" {
                    Section::Vetoes
                } else if field == "加分上限" || (parts == 2 && field.ends_with("分值")) {
                    Section::Indicators
                } else {
                    Section::Sources
                }
            }
            _ => Section::Sources,
        }
    }
}

impl Trial {
    /// This trial over a scheme whose shape changed from `old` to `new`: each weight typed is
    /// kept by its source's id, each threshold by its tier's place, each quota share by its
    /// rule; what is new starts from `new`'s values.
    pub fn carry(&self, old: &Scheme, new: &Scheme) -> Trial {
        let mut out = Trial::of(new);
        for (source, slot) in new.sources.iter().zip(out.weights.iter_mut()) {
            if let Some(j) = old.sources.iter().position(|s| s.id == source.id)
                && let Some(text) = self.weights.get(j)
            {
                *slot = text.clone();
            }
        }
        if old.tiers.len() == new.tiers.len() {
            for (slot, text) in out.thresholds.iter_mut().zip(&self.thresholds) {
                *slot = text.clone();
            }
        }
        for (share, slot) in &mut out.shares {
            if let Some((_, text)) = self.shares.iter().find(|(s, _)| s == share)
                && Share::get(*share, old).is_some()
            {
                *slot = text.clone();
            }
        }
        out
    }
}
