//! What the list page derives from its rows: the list graded (every row the rules read, the list
//! rules applied), the 汇总表, and the rows to show in the view's order.

use std::collections::HashMap;
use std::rc::Rc;

use dingji_rules::fmt::pct;
use dingji_rules::list::{ListResult, QuotaCount, QuotaRule};
use dingji_rules::summary::Summary;
use dingji_rules::{Error, Flag, Lang, Org, OrgResult, Scheme, summarize};

use crate::shared::i18n::{fill, list_strings};

use super::state::{ListState, Row, Rows, View};

/// The graded list.
#[derive(Debug, PartialEq)]
pub struct Graded {
    /// The rules' results for the rows that could be read, in list order.
    pub list: ListResult,
    /// For each row of the list, its place in `list.rows`; `None` where its entries cannot be read.
    pub index: Vec<Option<usize>>,
    /// The 汇总表.
    pub summary: Summary,
    /// The rows to show, by index, in the view's order.
    pub order: Vec<usize>,
    /// The rows graded, for their names.
    pub rows: Rows,
    /// The names (trimmed, not empty) that more than one row has, sorted: ranks, overrides and
    /// matching against last year go by name ([`Graded::is_duplicate`]).
    pub duplicate: Rc<Vec<Box<str>>>,
    /// How many graded rows have each whole-point score (0 to 100; below 0 with 0, 100 and above
    /// with 100): the histogram's bins are drawn from these, so that a render (a scroll of a
    /// list of 100,000) reads 101 counts, not every result.
    pub by_whole_point: Vec<u64>,
    /// The rows in the lowest tier, in list order: their number, and the first
    /// [`LAGGARDS_LISTED`] (the 后进 table's).
    pub lowest: (usize, Vec<usize>),
}

/// The most organizations the 后进 table lists (in the list's order): a province's 5% is 5,000
/// rows, which took a second to lay out at each change; the list filtered by tier shows them all.
pub const LAGGARDS_LISTED: usize = 100;

/// The result of row `i`: the rules' result, or the message of why there is none.
pub enum RowResult<'a> {
    /// Graded.
    Ok(&'a OrgResult),
    /// The rules could not grade it (a vote with no valid ballot …).
    Failed(String),
    /// Its entries cannot be read (shown at the cells).
    Unread,
}

impl Graded {
    /// The result of row `i`.
    pub fn result(&self, i: usize) -> RowResult<'_> {
        match self
            .index
            .get(i)
            .copied()
            .flatten()
            .and_then(|k| self.list.rows.get(k))
        {
            Some(Ok(r)) => RowResult::Ok(r),
            Some(Err(e)) => RowResult::Failed(e.without_row().to_string()),
            None => RowResult::Unread,
        }
    }
}

/// The rows of the last grading, each with its result graded alone (before the list rules), in
/// list order: a row that is the same `Rc` under the same scheme is not graded again. An edit
/// replaces one row, so it grades one organization; the list rules then run over all of them.
#[derive(Default)]
pub struct GradeCache {
    scheme: Option<Rc<Scheme>>,
    /// By position in the list: the row and its result, or `None` (unread, or an error).
    rows: Vec<Option<(Rc<Row>, OrgResult)>>,
    /// How many rows have each name.
    names: NameCounts,
}

impl GradeCache {
    /// Keeps only what was graded under `scheme` (nothing, if another).
    fn under(&mut self, scheme: &Rc<Scheme>) {
        if !self.scheme.as_ref().is_some_and(|s| Rc::ptr_eq(s, scheme)) {
            self.rows.clear();
            self.scheme = Some(scheme.clone());
        }
    }

    /// Grades each of `rows` alone under `scheme`, to stand at `at..` of the list graded next:
    /// a long list taken in (opened, imported) is graded a part at a time between the browser's
    /// turns ([`super::loading`]), and its grading then finds every row here.
    pub fn warm(&mut self, scheme: &Rc<Scheme>, rows: &[Rc<Row>], at: usize) {
        self.under(scheme);
        if self.rows.len() < at + rows.len() {
            self.rows.resize_with(at + rows.len(), || None);
        }
        for (row, slot) in rows.iter().zip(&mut self.rows[at..]) {
            *slot = row.parsed.as_ref().ok().and_then(|org| {
                // Errors are not kept (they name their row): the grading says them.
                let result = dingji_rules::list::grade_alone(scheme, org, 0).ok()?;
                Some((row.clone(), result))
            });
        }
    }
}

/// How many rows have each name, kept from one grading to the next: an edit of one row changes
/// at most two counts, where counting again would hash every name of the list.
#[derive(Default)]
struct NameCounts {
    /// The rows counted.
    rows: Option<Rows>,
    counts: HashMap<Box<str>, u32>,
    /// The names more than one row has, sorted (a list has few).
    twice: Rc<Vec<Box<str>>>,
}

impl NameCounts {
    /// The names more than one of `rows` has.
    fn update(&mut self, rows: &Rows) -> Rc<Vec<Box<str>>> {
        let positional = self
            .rows
            .as_ref()
            .is_some_and(|old| old.len() == rows.len());
        if positional {
            let old = self.rows.take().unwrap_or_default();
            for (was, now) in old.iter().zip(rows.iter()) {
                if !Rc::ptr_eq(was, now) && was.draft.name.trim() != now.draft.name.trim() {
                    self.count(was.draft.name.trim(), false);
                    self.count(now.draft.name.trim(), true);
                }
            }
        } else if self.rows.as_ref().is_none_or(|old| !Rc::ptr_eq(old, rows)) {
            // Rows added or removed (a new row, an import): counted again.
            *self = NameCounts::default();
            for row in rows.iter() {
                self.count(row.draft.name.trim(), true);
            }
        }
        self.rows = Some(rows.clone());
        self.twice.clone()
    }

    /// One more row (`more`) or one fewer with the name `name`.
    fn count(&mut self, name: &str, more: bool) {
        if name.is_empty() {
            return;
        }
        let n = self.counts.entry(name.into()).or_default();
        *n = if more { *n + 1 } else { n.saturating_sub(1) };
        let n = *n;
        if n == 0 {
            self.counts.remove(name);
        }
        match self.twice.binary_search_by(|t| (**t).cmp(name)) {
            Err(at) if n > 1 => Rc::make_mut(&mut self.twice).insert(at, name.into()),
            Ok(at) if n <= 1 => {
                Rc::make_mut(&mut self.twice).remove(at);
            }
            _ => {}
        }
    }
}

/// Grades the list of `state` with the page's cache: the page's one call of [`grade_with`]
/// (the list as edited, and an edit tried first), so that its code is there once.
pub fn grade_cached(state: &ListState, cache: &std::cell::RefCell<GradeCache>) -> Graded {
    grade_with(state, &mut cache.borrow_mut())
}

/// Grades the list of `state`.
pub fn grade(state: &ListState) -> Graded {
    grade_with(state, &mut GradeCache::default())
}

/// Grades the list of `state`, reusing what `cache` holds of rows that have not changed.
pub fn grade_with(state: &ListState, cache: &mut GradeCache) -> Graded {
    cache.under(&state.scheme);
    // The cache is updated in place: a row kept from the last grading stays where it is, and one
    // copy of its result goes to the rules.
    cache.rows.resize_with(state.rows.len(), || None);
    let mut index = Vec::with_capacity(state.rows.len());
    let mut orgs: Vec<&Org> = Vec::with_capacity(state.rows.len());
    let mut alone: Vec<Result<OrgResult, Error>> = Vec::with_capacity(state.rows.len());
    for (row, slot) in state.rows.iter().zip(cache.rows.iter_mut()) {
        let Ok(org) = &row.parsed else {
            index.push(None);
            *slot = None;
            continue;
        };
        let k = orgs.len();
        index.push(Some(k));
        orgs.push(org);
        // A result graded alone is the same wherever the row stands; an error names its row, so
        // errors are not kept.
        match slot {
            Some((r, result)) if Rc::ptr_eq(r, row) => alone.push(Ok(result.clone())),
            _ => {
                let result = dingji_rules::list::grade_alone(&state.scheme, org, k);
                *slot = result.as_ref().ok().map(|r| (row.clone(), r.clone()));
                alone.push(result);
            }
        }
    }
    let list = dingji_rules::list::apply_list_rules(&state.scheme, &orgs, alone);
    let summary = summarize(&state.scheme, &list);
    let (by_whole_point, lowest) = tallies(&state.scheme, &list, &index);
    let mut graded = Graded {
        list,
        index,
        summary,
        order: Vec::new(),
        rows: state.rows.clone(),
        duplicate: cache.names.update(&state.rows),
        by_whole_point,
        lowest,
    };
    graded.order = order(state, &graded, &state.view);
    graded
}

/// What the charts and the 后进 table read of the graded rows (`index` as in [`Graded`]), taken
/// once per grading: the count of scores at each whole point, and the rows in the lowest tier.
fn tallies(
    scheme: &Scheme,
    list: &ListResult,
    index: &[Option<usize>],
) -> (Vec<u64>, (usize, Vec<usize>)) {
    let lowest = scheme.lowest_tier();
    let (mut points, mut lowest_rows) = (vec![0u64; 101], (0, Vec::new()));
    // Every rounded score has the scheme's scale: 10^s is worked out once, not at each row.
    let mut unit = (u32::MAX, 1i64);
    for (i, k) in index.iter().enumerate() {
        let Some(Ok(r)) = k.and_then(|k| list.rows.get(k)) else {
            continue;
        };
        if unit.0 != r.rounded.scale() {
            unit = (r.rounded.scale(), 10i64.saturating_pow(r.rounded.scale()));
        }
        // The whole points of the rounded score, m / 10^s, in whole numbers.
        let whole = i64::try_from(r.rounded.mantissa()).unwrap_or(0) / unit.1;
        let at = usize::try_from(whole.clamp(0, 100)).unwrap_or(0);
        if let Some(n) = points.get_mut(at) {
            *n += 1;
        }
        if r.tier == lowest {
            lowest_rows.0 += 1;
            if lowest_rows.1.len() < LAGGARDS_LISTED {
                lowest_rows.1.push(i);
            }
        }
    }
    (points, lowest_rows)
}

impl Graded {
    /// Whether another row has row `i`'s name (trimmed, not empty).
    pub fn is_duplicate(&self, i: usize) -> bool {
        self.rows.get(i).is_some_and(|r| {
            let name = r.draft.name.trim();
            self.duplicate.binary_search_by(|t| (**t).cmp(name)).is_ok()
        })
    }

    /// The flags of row `i`'s result, as the list shows and exports them: the rules' flags, and
    /// 重名 when another row has its name.
    pub fn flags(&self, scheme: &Scheme, i: usize, result: &OrgResult, lang: Lang) -> String {
        let mut labels = flag_labels(scheme, result, lang);
        if self.is_duplicate(i) {
            labels.insert(0, list_strings(lang).duplicate_name().to_owned());
        }
        labels.join(crate::shared::i18n::list_strings(lang).sentence_sep())
    }
}

fn order(state: &ListState, graded: &Graded, view: &View) -> Vec<usize> {
    let category = view
        .category
        .as_deref()
        .and_then(|c| state.scheme.categories.iter().position(|x| x.id == c));
    // Nothing filtered: every row, without reading its result. Filtered: rows without a result
    // are left out.
    let filtered = category.is_some() || view.tier.is_some() || view.stars.is_some();
    let mut order: Vec<usize> = (0..state.rows.len())
        .filter(|&i| {
            !filtered
                || matches!(graded.result(i), RowResult::Ok(r)
                    if category.is_none_or(|c| r.category == c)
                        && view.tier.is_none_or(|t| r.tier == t)
                        && view.stars.is_none_or(|n| r.stars == Some(n)))
        })
        .collect();
    if view.by_rank {
        // Best rank first (the rules' one sort: highest key first, so the rank negated); rows
        // not graded last; ties by position.
        let mut keyed: Vec<(i128, usize)> = order
            .iter()
            .map(|&i| match graded.result(i) {
                RowResult::Ok(r) => (-(r.rank as i128), i),
                _ => (i128::MIN, i),
            })
            .collect();
        dingji_rules::list::order_by_key(&mut keyed);
        order = keyed.into_iter().map(|(_, i)| i).collect();
    }
    order
}

/// Short labels of a result's flags, for the list's column: what moved it and what to look at.
pub fn flag_labels(scheme: &Scheme, result: &OrgResult, lang: Lang) -> Vec<String> {
    let s = list_strings(lang);
    result
        .flags
        .iter()
        .filter_map(|f| {
            Some(match f {
                Flag::MovedByFloor { tied, .. } => {
                    let low = scheme.tier_name(scheme.lowest_tier(), lang);
                    let said = if *tied {
                        s.flag_floor_tied()
                    } else {
                        s.flag_floor()
                    };
                    fill(said, &[low])
                }
                Flag::MovedByTopCap { tied, .. } => (if *tied {
                    s.flag_top_cap_tied()
                } else {
                    s.flag_top_cap()
                })
                .to_owned(),
                Flag::HeldByStarCap { tied, .. } => {
                    let top = scheme
                        .stars
                        .as_ref()
                        .and_then(|s| s.cap.as_ref())
                        .map_or(5, |c| c.stars);
                    let name = scheme.star_name(top, lang);
                    let said = if *tied {
                        s.flag_star_cap_tied()
                    } else {
                        s.flag_star_cap()
                    };
                    fill(said, &[&name])
                }
                Flag::Veto { veto, .. } => {
                    let name = scheme.vetoes.get(*veto).map_or("", |v| v.name.get(lang));
                    fill(s.flag_veto(), &[name])
                }
                Flag::SatisfactionCap { .. } => s.flag_satisfaction().to_owned(),
                Flag::Participation { .. } => s.flag_participation().to_owned(),
                Flag::AfterOverride { by, .. } => {
                    fill(s.flag_after_override(), &[&by.join(s.names_separator())])
                }
                Flag::Override { reason, .. } => fill(s.flag_override(), &[reason]),
                Flag::SubjectToStarCap => return None,
            })
        })
        .collect()
}

/// How many points the rounded composite of `result` lacks for the next tier up, if any.
pub fn to_next(scheme: &Scheme, result: &OrgResult) -> Option<dingji_rules::Decimal> {
    let upper =
        dingji_rules::tier::decide_rounded(&scheme.tiers, result.composite, result.rounded).upper?;
    Some(upper - result.rounded)
}

/// One line per quota rule and group: "较差不少于 5%：⌈5% × 21⌉ = 2 个，原有 0 个，补入 2 个".
pub fn quota_line(scheme: &Scheme, q: &QuotaCount, lang: Lang) -> String {
    let s = list_strings(lang);
    let group = q
        .category
        .and_then(|c| scheme.categories.get(c))
        .map(|c| c.name.get(lang).to_owned());
    let prefix = group.map(|g| format!("【{g}】")).unwrap_or_default();
    let (what, share, rounding) = match q.rule {
        QuotaRule::MinLowest | QuotaRule::MaxTop => {
            let (quota, tier, bound) = if q.rule == QuotaRule::MinLowest {
                (
                    scheme.distribution.min_lowest.as_ref(),
                    scheme.lowest_tier(),
                    s.tier_at_least(),
                )
            } else {
                (scheme.distribution.max_top.as_ref(), 0, s.tier_at_most())
            };
            let name = scheme.tier_name(tier, lang);
            let group = q
                .category
                .and_then(|c| scheme.categories.get(c))
                .map(|c| c.id.as_str());
            (
                fill(bound, &[name]),
                quota.map(|x| x.share_in(group)),
                quota.map(|x| x.rounding),
            )
        }
        QuotaRule::StarCap => {
            let cap = scheme.stars.as_ref().and_then(|x| x.cap.as_ref());
            let name = cap
                .map(|c| scheme.star_name(c.stars, lang))
                .unwrap_or_default();
            (
                fill(s.stars_at_most(), &[&name]),
                cap.map(|c| c.share),
                cap.map(|c| c.rounding),
            )
        }
    };
    let share = share.map(pct).unwrap_or_default();
    let (l, r) = rounding.map_or(("", ""), |x| x.brackets());
    // Overrides that put organizations in or out of the rule's tier are counted apart.
    let overridden = match q.overridden {
        0 => String::new(),
        n => fill(s.quota_overridden(), &[&n.to_string()]),
    };
    let line = match q.rule {
        QuotaRule::MinLowest => s.quota_floor_line(),
        _ => s.quota_cap_line(),
    };
    let [base, limit, before, moved] = [q.base, q.limit, q.before, q.moved].map(|n| n.to_string());
    fill(
        line,
        &[
            &prefix,
            &what,
            &share,
            l,
            &base,
            r,
            &limit,
            &before,
            &overridden,
            &moved,
        ],
    )
}

/// A row's place after grading: its tier and stars, or `None` where it is not graded.
fn place(graded: &Graded, i: usize) -> Option<(usize, Option<u8>)> {
    match graded.result(i) {
        RowResult::Ok(r) => Some((r.tier, r.stars)),
        _ => None,
    }
}

/// What an edit did to the other rows: each row graded in `then` (the grading before it) and in
/// `graded` (of `state`), other than `edited`, whose tier or stars changed, with a line saying
/// how ("「S」：一般 → 较差", "\"S\": Average → Poor"). Read from the two gradings as they are:
/// nothing is copied per row.
pub fn consequences(
    then: &Graded,
    state: &ListState,
    graded: &Graded,
    edited: Option<u64>,
) -> Vec<(u64, String)> {
    let (scheme, lang) = (&state.scheme, state.lang);
    let shown = |(tier, stars): (usize, Option<u8>)| {
        let mut text = scheme.tier_name(tier, lang).to_owned();
        if let Some(n) = stars {
            text.push_str(list_strings(lang).tier_stars_joiner());
            text.push_str(&scheme.star_name(n, lang));
        }
        text
    };
    // The rows keep their order through an edit, which adds or removes at most one: the rows
    // before are walked alongside.
    let before = |k: usize| then.rows.get(k).map(|r| r.id);
    let mut j = 0;
    let mut out = Vec::new();
    for (i, row) in graded.rows.iter().enumerate() {
        let id = row.id;
        if before(j) != Some(id) && before(j + 1) == Some(id) {
            j += 1;
        }
        if before(j) != Some(id) {
            continue;
        }
        let was = place(then, j);
        j += 1;
        if let (Some(was), Some(now)) = (was, place(graded, i))
            && Some(id) != edited
            && was != now
        {
            let (name, was, now) = (row.draft.name.trim(), shown(was), shown(now));
            out.push((
                id,
                fill(list_strings(lang).moved_line(), &[name, &was, &now]),
            ));
        }
    }
    out
}

/// The override row `row` sets (its tier and stars), where it reads.
pub fn override_of(state: &ListState, row: usize) -> Option<(Option<usize>, Option<u8>)> {
    let org = state.rows.get(row)?.parsed.as_ref().ok()?;
    org.override_.as_ref().map(|o| (o.tier, o.stars))
}

/// The rows of `state` with row `row` replaced by `by` (the rest shared), as a list to grade:
/// its scheme and language, not its history or view.
pub fn with_row(state: &ListState, row: usize, by: Row) -> ListState {
    let mut rows = (*state.rows).clone();
    if let Some(slot) = rows.get_mut(row) {
        *slot = Rc::new(by);
    }
    ListState {
        lang: state.lang,
        rows: Rc::new(rows),
        ..ListState::new(state.scheme.clone())
    }
}

/// The list of `state` with row `row`'s override left out (what the override changes is then
/// this list's places against the list's); `None` where the row does not read.
pub fn without_override(state: &ListState, row: usize) -> Option<ListState> {
    let r = state.rows.get(row)?;
    let org = r.parsed.as_ref().ok()?;
    let plain = Row {
        id: r.id,
        draft: r.draft.clone(),
        parsed: Ok(Org {
            override_: None,
            ..org.clone()
        }),
    };
    Some(with_row(state, row, plain))
}
