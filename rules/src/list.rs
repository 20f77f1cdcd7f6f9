//! Evaluating the list of all organizations under a committee: each one alone, then the list
//! rules over them (domain.md readings 5, 6, 8 and 9).
//!
//! 1. The maximum share of the top tier: the highest-scoring keep it; those tied on the cut-off
//!    that would break the cap all move down one tier, flagged.
//! 2. The minimum share of the lowest tier (the 5% rule): need ⌈5% × N⌉; if fewer score below the
//!    threshold, the lowest-scoring move down, and all tied on the cut-off move (the rule is a
//!    minimum), flagged.
//! 3. Stars follow the final tier; the star cap (at most ⌊20% × count(好)⌋ 五星) keeps the
//!    highest-scoring ones; those tied on the cut-off that would break the cap all stay 四星.
//! 4. Ranks by rounded composite, ties sharing a rank.
//!
//! An organization the committee overrode keeps its result: it counts at its set tier and stars
//! and is never moved. Rows with errors are reported and left out of the counts.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Error;
use crate::evaluate::{self, Flag, OrgResult};
use crate::org::Org;
use crate::scheme::{CapBase, Quota, Scheme, Scope, StarCap};

/// The results of a list, in the order of its organizations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListResult {
    /// One result per organization, or the error that kept it from being graded (with its row).
    #[serde(serialize_with = "ser_rows")]
    pub rows: Vec<Result<OrgResult, Error>>,
    /// What each distribution rule counted, per group it counts.
    pub quotas: Vec<QuotaCount>,
}

/// A distribution rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaRule {
    /// The minimum share of the lowest tier.
    MinLowest,
    /// The maximum share of the top tier.
    MaxTop,
    /// The cap on the top star level.
    StarCap,
}

/// What one rule counted in one group (the whole list, or one category).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuotaCount {
    /// The rule.
    pub rule: QuotaRule,
    /// The category, or `None` for the whole list.
    pub category: Option<usize>,
    /// The organizations the share is taken of (for the star cap: its base group).
    pub base: u64,
    /// The count the rule needs (minimum) or allows (maximum).
    pub limit: u64,
    /// How many were in the tier (or had the stars) before the rule.
    pub before: u64,
    /// How many the rule moved or held back.
    pub moved: u64,
    /// How many of the group the committee's overrides put in or out of the rule's tier (or
    /// stars) against where the rule would have placed them: counted apart from `before`. Left out
    /// of the JSON where none did (the JS API answers as before).
    #[serde(skip_serializing_if = "is_zero")]
    pub overridden: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn ser_rows<S: serde::Serializer>(
    rows: &[Result<OrgResult, Error>],
    s: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    #[serde(untagged)]
    enum Row<'a> {
        Ok(&'a OrgResult),
        Err { error: String },
    }
    s.collect_seq(rows.iter().map(|r| match r {
        Ok(result) => Row::Ok(result),
        Err(e) => Row::Err {
            error: e.to_string(),
        },
    }))
}

impl ListResult {
    /// The results that could be computed, with their row indices.
    pub fn graded(&self) -> impl Iterator<Item = (usize, &OrgResult)> {
        self.rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().ok().map(|r| (i, r)))
    }

    /// The errors, each naming its row.
    pub fn errors(&self) -> impl Iterator<Item = &Error> {
        self.rows.iter().filter_map(|r| r.as_ref().err())
    }
}

/// A graded row as the list rules see it: its effective tier and stars (the override's where the
/// committee set them), which the rules move. Built from [`OrgResult`]s here, and from columns by
/// [`crate::columns`].
#[derive(Clone)]
pub(crate) struct Entry {
    pub(crate) row: usize,
    pub(crate) category: usize,
    pub(crate) rounded: Decimal,
    /// `rounded` as an integer for sorting: every rounded composite has the scheme's scale.
    pub(crate) key: i128,
    pub(crate) tier: usize,
    /// The stars of `tier` (an override's where `fixed_stars`), as every caller makes it:
    /// [`apply_rules`] draws them again only where it moves the tier.
    pub(crate) stars: Option<u8>,
    pub(crate) star_limit: Option<u8>,
    pub(crate) fixed_tier: bool,
    pub(crate) fixed_stars: bool,
    /// The committee set an override (a tier, stars, or only its reason).
    pub(crate) overridden: bool,
}

/// Evaluates every organization and applies the list rules.
pub fn evaluate_list<O: std::borrow::Borrow<Org>>(scheme: &Scheme, orgs: &[O]) -> ListResult {
    let rows = orgs
        .iter()
        .enumerate()
        .map(|(i, org)| grade_alone(scheme, org.borrow(), i))
        .collect();
    apply_list_rules(scheme, orgs, rows)
}

/// Organization `org`, row `i` of a list (from 0), graded alone: its result before the list rules
/// and without its override (which is checked), or the error naming its row. A page that keeps
/// these for the rows that did not change re-grades only what did ([`apply_list_rules`]).
pub fn grade_alone(scheme: &Scheme, org: &Org, i: usize) -> Result<OrgResult, Error> {
    let result = evaluate::evaluate_base(scheme, org).and_then(|r| {
        match &org.override_ {
            Some(o) => evaluate::check_override(scheme, o),
            None => Ok(()),
        }
        .map(|()| r)
    });
    result.map_err(|e| e.in_row(i + 1, &org.name))
}

/// The list rules over `rows`, each organization of `orgs` graded alone ([`grade_alone`]): the
/// overrides, the quotas, the stars and the ranks. [`evaluate_list`] is this after grading each.
pub fn apply_list_rules<O: std::borrow::Borrow<Org>>(
    scheme: &Scheme,
    orgs: &[O],
    mut rows: Vec<Result<OrgResult, Error>>,
) -> ListResult {
    let mut entries: Vec<Entry> = Vec::with_capacity(rows.len());
    for (row, result) in rows.iter().enumerate() {
        let Ok(r) = result else { continue };
        let o = orgs.get(row).and_then(|o| o.borrow().override_.as_ref());
        let star_limit = evaluate::star_limit(scheme, &r.flags);
        let tier = o.and_then(|o| o.tier).unwrap_or(r.tier);
        let stars = match o.and_then(|o| o.stars) {
            Some(n) => Some(n),
            // Graded alone, a result has the stars of its own tier under its limits.
            None if tier == r.tier => r.stars,
            None => evaluate::stars_for(scheme, tier, r.rounded, star_limit),
        };
        entries.push(Entry {
            row,
            category: r.category,
            rounded: r.rounded,
            key: r.rounded.mantissa(),
            tier,
            stars,
            star_limit,
            fixed_tier: o.is_some_and(|o| o.tier.is_some()),
            fixed_stars: o.is_some_and(|o| o.stars.is_some()),
            overridden: o.is_some(),
        });
    }

    // Where overrides are set, the rules also run as if none were, to say what they moved.
    let plain = entries
        .iter()
        .any(|e| e.fixed_tier || e.fixed_stars)
        .then(|| {
            let mut plain: Vec<Entry> = entries
                .iter()
                .map(|e| {
                    let r = rows.get(e.row).and_then(|r| r.as_ref().ok());
                    let tier = r.map_or(e.tier, |r| r.tier);
                    Entry {
                        tier,
                        stars: evaluate::stars_for(scheme, tier, e.rounded, e.star_limit),
                        fixed_tier: false,
                        fixed_stars: false,
                        overridden: false,
                        ..e.clone()
                    }
                })
                .collect();
            let quotas = apply_rules(scheme, &mut plain, &mut |_, _| {});
            (plain, quotas)
        });

    let mut quotas = apply_rules(scheme, &mut entries, &mut |row, f| {
        if let Some(r) = result_mut(&mut rows, row) {
            r.flags.push(f);
        }
    });
    if let Some((plain, _)) = &plain {
        after_overrides(scheme, orgs, &entries, plain, &mut rows, &mut quotas);
    }

    for e in &entries {
        let Some(r) = result_mut(&mut rows, e.row) else {
            continue;
        };
        // Only an overridden row's organization is read again.
        if let Some(o) = (e.overridden.then(|| orgs.get(e.row)).flatten())
            .and_then(|o| o.borrow().override_.as_ref())
        {
            r.flags.push(Flag::Override {
                tier: r.tier,
                stars: r.stars,
                reason: o.reason.trim().to_owned(),
            });
        }
        r.tier = e.tier;
        r.stars = e.stars;
    }
    let ranks = ranks(rows.len(), &entries);
    for (r, rank) in rows.iter_mut().zip(ranks) {
        if let Ok(r) = r {
            r.rank = rank;
        }
    }
    ListResult { rows, quotas }
}

/// What the overrides did to the others: each row without one that the rules placed otherwise
/// than they would have with no overrides is flagged with the overrides that changed their own
/// organizations' results; each quota counts the overrides that put organizations in or out of
/// its tier (or stars).
fn after_overrides<O: std::borrow::Borrow<Org>>(
    scheme: &Scheme,
    orgs: &[O],
    entries: &[Entry],
    plain: &[Entry],
    rows: &mut [Result<OrgResult, Error>],
    quotas: &mut [QuotaCount],
) {
    let fixed = |e: &Entry| e.fixed_tier || e.fixed_stars;
    let changed = |(e, p): &(&Entry, &Entry)| e.tier != p.tier || e.stars != p.stars;
    let by: Vec<String> = entries
        .iter()
        .zip(plain)
        .filter(|pair| fixed(pair.0) && changed(pair))
        .filter_map(|(e, _)| Some(orgs.get(e.row)?.borrow().name.trim().to_owned()))
        .collect();
    for (e, p) in entries.iter().zip(plain) {
        if !fixed(e)
            && changed(&(e, p))
            && let Some(r) = result_mut(rows, e.row)
        {
            r.flags.push(Flag::AfterOverride {
                tier: p.tier,
                stars: p.stars,
                by: by.clone(),
            });
        }
    }
    let cap_stars = scheme
        .stars
        .as_ref()
        .and_then(|s| s.cap.as_ref())
        .map(|c| c.stars);
    for q in quotas.iter_mut() {
        let inside = |e: &Entry| match q.rule {
            QuotaRule::MinLowest => e.tier == scheme.lowest_tier(),
            QuotaRule::MaxTop => e.tier == 0,
            QuotaRule::StarCap => e.stars.is_some() && e.stars == cap_stars,
        };
        q.overridden = entries
            .iter()
            .zip(plain)
            .filter(|(e, p)| {
                fixed(e) && q.category.is_none_or(|c| c == e.category) && inside(e) != inside(p)
            })
            .count() as u64;
    }
}

/// Where the list rules report what they did to a row.
pub(crate) type Sink<'a> = dyn FnMut(usize, Flag) + 'a;

/// The list rules over graded entries (in row order): the top cap, the floor, the stars of the
/// final tiers and the star cap. Moves the entries' tiers and stars, tells `flag` of each row
/// moved, and returns what each rule counted.
pub(crate) fn apply_rules(
    scheme: &Scheme,
    entries: &mut [Entry],
    flag: &mut Sink<'_>,
) -> Vec<QuotaCount> {
    let mut quotas = Vec::new();
    // The tiers as they came, each entry with the stars of its tier: stars are drawn again below
    // only where the caps moved the tier.
    let came: Vec<usize> = entries.iter().map(|e| e.tier).collect();
    let mut grouped = Groups::default();
    if let Some(quota) = &scheme.distribution.max_top
        && scheme.tiers.len() > 1
    {
        for (&category, group) in grouped.of(entries, quota.scope) {
            let id = category
                .and_then(|c| scheme.categories.get(c))
                .map(|c| c.id.as_str());
            let count = cap_top(quota, id, group, entries, flag);
            quotas.push(QuotaCount { category, ..count });
        }
    }
    if let Some(quota) = &scheme.distribution.min_lowest {
        for (&category, group) in grouped.of(entries, quota.scope) {
            let id = category
                .and_then(|c| scheme.categories.get(c))
                .map(|c| c.id.as_str());
            let count = floor_lowest(scheme, quota, id, group, entries, flag);
            quotas.push(QuotaCount { category, ..count });
        }
    }
    for (e, &tier) in entries.iter_mut().zip(&came) {
        if !e.fixed_stars && e.tier != tier {
            e.stars = evaluate::stars_for(scheme, e.tier, e.rounded, e.star_limit);
        }
    }
    if let Some(cap) = scheme.stars.as_ref().and_then(|s| s.cap.as_ref()) {
        for (&category, group) in grouped.of(entries, cap.scope) {
            let count = cap_stars(cap, group, entries, flag);
            quotas.push(QuotaCount { category, ..count });
        }
    }
    quotas
}

/// The groups the rules count, made once for each scope: the rules do not move an entry
/// between categories.
#[derive(Default)]
struct Groups {
    all: Option<BTreeMap<Option<usize>, Vec<usize>>>,
    by_category: Option<BTreeMap<Option<usize>, Vec<usize>>>,
}

impl Groups {
    fn of(&mut self, entries: &[Entry], scope: Scope) -> &BTreeMap<Option<usize>, Vec<usize>> {
        let kept = match scope {
            Scope::All => &mut self.all,
            Scope::Category => &mut self.by_category,
        };
        kept.get_or_insert_with(|| groups(entries, scope))
    }
}

/// The groups a rule counts: indices into `entries`, by category (`None`: all together).
fn groups(entries: &[Entry], scope: Scope) -> BTreeMap<Option<usize>, Vec<usize>> {
    // Inserted one group at a time: a map collected from an iterator sorts it first, and that
    // sort's code would be the page's to carry.
    let mut groups = BTreeMap::new();
    if entries.is_empty() {
        return groups;
    }
    let Scope::Category = scope else {
        groups.insert(None, (0..entries.len()).collect());
        return groups;
    };
    // By category index (a scheme has a few): one vector each, in row order.
    let mut by: Vec<Vec<usize>> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if by.len() <= e.category {
            by.resize_with(e.category + 1, Vec::new);
        }
        if let Some(group) = by.get_mut(e.category) {
            group.push(i);
        }
    }
    for (c, group) in by.into_iter().enumerate() {
        if !group.is_empty() {
            groups.insert(Some(c), group);
        }
    }
    groups
}

fn result_mut(rows: &mut [Result<OrgResult, Error>], row: usize) -> Option<&mut OrgResult> {
    rows.get_mut(row).and_then(|r| r.as_mut().ok())
}

/// Of `sorted` (best first, as `(entry, score)`), how many keep their place when only `slots`
/// may: those tied on the cut-off that would break the cap all lose it.
fn kept_within(sorted: &[(usize, Decimal)], slots: usize) -> usize {
    let Some(&(_, cutoff)) = sorted.get(slots) else {
        return sorted.len();
    };
    sorted
        .iter()
        .take(slots)
        .take_while(|(_, score)| *score > cutoff)
        .count()
}

/// Sorts `(key, index)` pairs by key, highest first, then by index. Every ordering of the crate
/// and of the pages goes through this one function, so that a page carries one sort's code
/// (a sort is generic code, copied for each kind of comparison: ~2 KB of wasm each).
pub fn order_by_key(pairs: &mut [(i128, usize)]) {
    if !place_by_counting(pairs) {
        pairs.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    }
}

/// The same order in linear time where it can be had: the keys are rounded composites at the
/// scheme's scale, so a long list's keys lie within a few thousand of each other and many are
/// shared. Each pair is placed after those with a higher key by counting; pairs that come in
/// index order keep it among equal keys, which is the order the sort gives. Returns false,
/// changing nothing, for a short list, keys spread wider than four times the list, or indices
/// out of order.
fn place_by_counting(pairs: &mut [(i128, usize)]) -> bool {
    if !pairs
        .iter()
        .zip(pairs.iter().skip(1))
        .all(|(a, b)| a.1 < b.1)
    {
        return false;
    }
    let keys: Vec<i128> = pairs.iter().map(|p| p.0).collect();
    let Some((lo, mut starts)) = counted(&keys) else {
        return false;
    };
    // Best first: the pairs of key k start after every pair with a higher key.
    let mut after = 0;
    for c in starts.iter_mut().rev() {
        (*c, after) = (after, after + *c);
    }
    let mut placed = vec![(0i128, 0usize); pairs.len()];
    for &p in pairs.iter() {
        if let Some(slot) = starts.get_mut(offset(p.0, lo))
            && let Some(out) = placed.get_mut(*slot)
        {
            *out = p;
            *slot += 1;
        }
    }
    pairs.copy_from_slice(&placed);
    true
}

/// The entries `picked` (by index), best first, by row on a tie, with their rounded scores.
fn best_first(entries: &[Entry], picked: &[usize]) -> Vec<(usize, Decimal)> {
    // Entries are in row order, so their index breaks ties by row.
    let mut order: Vec<(i128, usize)> = picked
        .iter()
        .filter_map(|&i| Some((entries.get(i)?.key, i)))
        .collect();
    order_by_key(&mut order);
    order
        .into_iter()
        .filter_map(|(_, i)| Some((i, entries.get(i)?.rounded)))
        .collect()
}

/// Of the entries `within` a capped group, those that lose their place when at most `allowed`
/// may keep it: the highest-scoring keep it, those `fixed` by an override count but never move,
/// and those tied on the cut-off that would break the cap all lose it. Returns each entry held
/// back, and whether it was for a tie.
fn held_back(
    entries: &[Entry],
    within: &[usize],
    allowed: u64,
    fixed: impl Fn(&Entry) -> bool,
) -> Vec<(usize, bool)> {
    let fixed_count = within
        .iter()
        .filter(|&&i| entries.get(i).is_some_and(&fixed))
        .count() as u64;
    let slots = usize::try_from(allowed.saturating_sub(fixed_count)).unwrap_or(usize::MAX);
    let movable: Vec<usize> = within
        .iter()
        .copied()
        .filter(|&i| entries.get(i).is_some_and(|e| !fixed(e)))
        .collect();
    if movable.len() <= slots {
        return Vec::new();
    }
    let sorted = best_first(entries, &movable);
    let keep = kept_within(&sorted, slots);
    let tied_score = if keep < slots {
        sorted.get(keep).map(|&(_, s)| s)
    } else {
        None
    };
    sorted
        .iter()
        .skip(keep)
        .map(|&(i, score)| (i, tied_score == Some(score)))
        .collect()
}

/// The maximum share of the top tier.
fn cap_top(
    quota: &Quota,
    category: Option<&str>,
    group: &[usize],
    entries: &mut [Entry],
    flag: &mut Sink<'_>,
) -> QuotaCount {
    let size = group.len() as u64;
    let allowed = quota.rounding.count(quota.share_in(category), size);
    let in_top: Vec<usize> = group
        .iter()
        .copied()
        .filter(|&i| entries.get(i).is_some_and(|e| e.tier == 0))
        .collect();
    let mut count = QuotaCount {
        rule: QuotaRule::MaxTop,
        category: None,
        base: size,
        limit: allowed,
        before: in_top.len() as u64,
        moved: 0,
        overridden: 0,
    };
    let held = held_back(entries, &in_top, allowed, |e| e.fixed_tier);
    for (i, tied) in held {
        if let Some(e) = entries.get_mut(i) {
            e.tier = 1;
            count.moved += 1;
            flag(
                e.row,
                Flag::MovedByTopCap {
                    allowed,
                    group: size,
                    tied,
                },
            );
        }
    }
    count
}

/// The minimum share of the lowest tier.
fn floor_lowest(
    scheme: &Scheme,
    quota: &Quota,
    category: Option<&str>,
    group: &[usize],
    entries: &mut [Entry],
    flag: &mut Sink<'_>,
) -> QuotaCount {
    let lowest = scheme.lowest_tier();
    let size = group.len() as u64;
    let need = quota.rounding.count(quota.share_in(category), size);
    let have = group
        .iter()
        .filter(|&&i| entries.get(i).is_some_and(|e| e.tier == lowest))
        .count() as u64;
    let mut count = QuotaCount {
        rule: QuotaRule::MinLowest,
        category: None,
        base: size,
        limit: need,
        before: have,
        moved: 0,
        overridden: 0,
    };
    if have >= need {
        return count;
    }
    let k = usize::try_from(need - have).unwrap_or(usize::MAX);
    let movable = group.iter().filter_map(|&i| {
        entries
            .get(i)
            .filter(|e| !e.fixed_tier && e.tier != lowest)
            .map(|e| (i, e))
    });
    // The k-th lowest score is the cut-off: the least score with at least k at or below it.
    // Every organization at or below it moves, ties included.
    let keys: Vec<i128> = movable.clone().map(|(_, e)| e.key).collect();
    let Some(cutoff_key) = kth_lowest(&keys, k.min(keys.len())) else {
        return count;
    };
    let Some(cutoff) = movable
        .clone()
        .find(|(_, e)| e.key == cutoff_key)
        .map(|(_, e)| e.rounded)
    else {
        return count;
    };
    let moving: Vec<(usize, i128)> = movable
        .filter(|(_, e)| e.key <= cutoff_key)
        .map(|(i, e)| (i, e.key))
        .collect();
    let tied = moving.len() > k;
    for (i, key) in moving {
        if let Some(e) = entries.get_mut(i) {
            let from = e.tier;
            e.tier = lowest;
            count.moved += 1;
            let tied = tied && key == cutoff_key;
            flag(
                e.row,
                Flag::MovedByFloor {
                    from,
                    need,
                    group: size,
                    cutoff,
                    tied,
                },
            );
        }
    }
    count
}

/// The least of `keys` with at least `k` (from 1) at or below it; `None` where there are fewer.
/// Counted where the keys lie close (a long list's rounded composites), else found by halving
/// the range of keys (a few passes).
fn kth_lowest(keys: &[i128], k: usize) -> Option<i128> {
    if k == 0 {
        return None;
    }
    if let Some((lowest, counts)) = counted(keys) {
        let mut seen = 0;
        let at = counts.iter().position(|&c| {
            seen += c;
            seen >= k
        })?;
        return Some(lowest + at as i128);
    }
    let (mut lo, mut hi) = (keys.iter()).fold((i128::MAX, i128::MIN), |(lo, hi), &m| {
        (lo.min(m), hi.max(m))
    });
    let at_or_below = |x: i128| keys.iter().filter(|&&m| m <= x).count();
    if lo > hi || at_or_below(hi) < k {
        return None;
    }
    while lo < hi {
        let mid = lo + ((hi - lo) >> 1);
        if at_or_below(mid) >= k {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

/// How many of `keys` there are of each value, from the least (returned with them), where they
/// can be counted in linear time: a long list's (256 and more) whose keys lie within four times
/// their number of each other, as the rounded composites of a list at the scheme's scale do.
fn counted(keys: &[i128]) -> Option<(i128, Vec<usize>)> {
    let (mut lo, mut hi, n) = (i128::MAX, i128::MIN, keys.len());
    for &k in keys {
        (lo, hi) = (lo.min(k), hi.max(k));
    }
    let span = hi.checked_sub(lo).and_then(|d| usize::try_from(d).ok())?;
    if n < 256 || span / 4 >= n {
        return None;
    }
    let mut counts = vec![0usize; span + 1];
    for &k in keys {
        if let Some(c) = counts.get_mut(offset(k, lo)) {
            *c += 1;
        }
    }
    Some((lo, counts))
}

/// Where key `k` is counted when the least is `lo`.
fn offset(k: i128, lo: i128) -> usize {
    usize::try_from(k - lo).unwrap_or(usize::MAX)
}

/// The star cap.
fn cap_stars(
    cap: &StarCap,
    group: &[usize],
    entries: &mut [Entry],
    flag: &mut Sink<'_>,
) -> QuotaCount {
    let base = match cap.base {
        CapBase::All => group.len() as u64,
        CapBase::Tier(t) => group
            .iter()
            .filter(|&&i| entries.get(i).is_some_and(|e| e.tier == t))
            .count() as u64,
    };
    let allowed = cap.rounding.count(cap.share, base);
    let capped: Vec<usize> = group
        .iter()
        .copied()
        .filter(|&i| entries.get(i).is_some_and(|e| e.stars == Some(cap.stars)))
        .collect();
    let mut count = QuotaCount {
        rule: QuotaRule::StarCap,
        category: None,
        base,
        limit: allowed,
        before: capped.len() as u64,
        moved: 0,
        overridden: 0,
    };
    let held = held_back(entries, &capped, allowed, |e| e.fixed_stars);
    for (i, tied) in held {
        if let Some(e) = entries.get_mut(i) {
            e.stars = Some(cap.demote_to);
            count.moved += 1;
            flag(
                e.row,
                Flag::HeldByStarCap {
                    allowed,
                    base,
                    tied,
                },
            );
        }
    }
    count
}

/// Ranks by rounded composite of `entries`, rows of a list of `len` (a row without an entry, not
/// graded, is ranked 0), best first; ties share a rank (1, 2, 2, 4).
pub(crate) fn ranks(len: usize, entries: &[Entry]) -> Vec<usize> {
    let mut ranks = vec![0; len];
    let mut rank_of = |row: usize, rank: usize| {
        if let Some(r) = ranks.get_mut(row) {
            *r = rank;
        }
    };
    let keys: Vec<i128> = entries.iter().map(|e| e.key).collect();
    if let Some((lo, mut counts)) = counted(&keys) {
        // From the highest key down, each key's rank is one more than the count above it.
        let mut above = 0;
        for c in counts.iter_mut().rev() {
            (*c, above) = (above + 1, above + *c);
        }
        for e in entries {
            rank_of(e.row, counts.get(offset(e.key, lo)).copied().unwrap_or(0));
        }
    } else {
        let mut order: Vec<(i128, usize)> = entries.iter().map(|e| (e.key, e.row)).collect();
        order_by_key(&mut order);
        let (mut previous, mut current) = (None, 0);
        for (position, (key, row)) in order.into_iter().enumerate() {
            if previous != Some(key) {
                (current, previous) = (position + 1, Some(key));
            }
            rank_of(row, current);
        }
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys drawn from `span` values, `n` of them, in a generator of the test's own.
    fn keys(n: usize, span: u64, seed: u64) -> Vec<i128> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                5_000 + i128::from(x % span)
            })
            .collect()
    }

    #[test]
    fn the_kth_lowest_key_is_the_same_counted_or_halved() {
        // Close keys are counted (a long list), spread ones halved, a short list always halved.
        for (n, span) in [(300, 50), (2_000, 7_000), (300, 1_000_000), (40, 10)] {
            let keys = keys(n, span, n as u64 * span);
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            for k in [1, 2, n / 20, n / 2, n - 1, n] {
                assert_eq!(
                    kth_lowest(&keys, k),
                    sorted.get(k.wrapping_sub(1)).copied(),
                    "n {n}, span {span}, k {k}"
                );
            }
            assert_eq!(kth_lowest(&keys, 0), None);
            assert_eq!(kth_lowest(&keys, n + 1), None);
        }
    }

    #[test]
    fn ranks_are_one_more_than_the_rows_scoring_higher_counted_or_sorted() {
        for (n, span) in [(300, 50), (2_000, 7_000), (300, 1_000_000), (40, 10)] {
            let keys = keys(n, span, n as u64 + span);
            // Every third row is not graded: it has no entry, and rank 0.
            let entries: Vec<Entry> = (keys.iter().enumerate())
                .filter(|(row, _)| row % 3 != 1)
                .map(|(row, &key)| Entry {
                    row,
                    category: 0,
                    rounded: Decimal::from_i128_with_scale(key, 2),
                    key,
                    tier: 0,
                    stars: None,
                    star_limit: None,
                    fixed_tier: false,
                    fixed_stars: false,
                    overridden: false,
                })
                .collect();
            let expected: Vec<usize> = (0..n)
                .map(|row| match entries.iter().find(|e| e.row == row) {
                    Some(e) => 1 + entries.iter().filter(|o| o.key > e.key).count(),
                    None => 0,
                })
                .collect();
            assert_eq!(ranks(n, &entries), expected, "n {n}, span {span}");
        }
    }
}
