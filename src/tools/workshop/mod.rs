//! The scheme workshop's what-if for the list: a scheme tried from the one being edited (its
//! weights, thresholds and quota shares, as typed, checked as the calculator's 调整方案 checks
//! them), and what the trial changes against the list as graded now: each organization's result
//! before and after, the tier transition matrix, and the one-line summary.

pub mod apply;
pub mod calculator;
pub mod link;
pub mod view;

pub use calculator::Calculator;
pub use link::{LinkFault, read_scheme_link, scheme_in_link, scheme_link};

use std::rc::Rc;

use dingji_rules::number::parse_in_range;
use dingji_rules::{Decimal, Error, Lang, Scheme, parse_decimal};

use crate::list::derive::{Graded, RowResult, grade};
use crate::list::state::{ListState, Row};
use crate::wire::page::{EditErrors, Edits, effective_scheme};

/// A quota share the workshop edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Share {
    /// The lowest tier's floor (较差不少于).
    Floor,
    /// The top tier's cap (好不超过).
    Top,
    /// The top star's cap (五星不超过).
    StarCap,
}

impl Share {
    pub const ALL: [Share; 3] = [Share::Floor, Share::Top, Share::StarCap];

    /// This share in `scheme`, if the scheme has the rule.
    pub fn get(self, scheme: &Scheme) -> Option<Decimal> {
        match self {
            Share::Floor => scheme.distribution.min_lowest.as_ref().map(|q| q.share),
            Share::Top => scheme.distribution.max_top.as_ref().map(|q| q.share),
            Share::StarCap => scheme
                .stars
                .as_ref()
                .and_then(|s| s.cap.as_ref())
                .map(|c| c.share),
        }
    }

    fn set(self, scheme: &mut Scheme, share: Decimal) {
        let slot = match self {
            Share::Floor => scheme
                .distribution
                .min_lowest
                .as_mut()
                .map(|q| &mut q.share),
            Share::Top => scheme.distribution.max_top.as_mut().map(|q| &mut q.share),
            Share::StarCap => scheme
                .stars
                .as_mut()
                .and_then(|s| s.cap.as_mut())
                .map(|c| &mut c.share),
        };
        if let Some(slot) = slot {
            *slot = share;
        }
    }

    /// What the rule is called.
    pub fn label(self, scheme: &Scheme, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let top_star = scheme
            .stars
            .as_ref()
            .and_then(|s| s.cap.as_ref())
            .map(|c| scheme.star_name(c.stars, lang))
            .unwrap_or_default();
        match self {
            Share::Floor if zh => {
                format!("“{}”不少于", scheme.tier_name(scheme.lowest_tier(), lang))
            }
            Share::Floor => format!("{} at least", scheme.tier_name(scheme.lowest_tier(), lang)),
            Share::Top if zh => format!("“{}”不超过", scheme.tier_name(0, lang)),
            Share::Top => format!("{} at most", scheme.tier_name(0, lang)),
            Share::StarCap if zh => format!("{top_star}不超过"),
            Share::StarCap => format!("{top_star} at most"),
        }
    }
}

/// A trial: every weight and threshold, and the quota shares the scheme has, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trial {
    /// Every weight, by source index.
    pub weights: Vec<String>,
    /// Every threshold, by tier index (but the last).
    pub thresholds: Vec<String>,
    pub shares: Vec<(Share, String)>,
}

impl Trial {
    /// Weight `i` set to `text`, the other weights scaled in proportion so that the total stays
    /// 100 (to 2 decimals, the rounding's remainder on the largest). Where a weight does not read
    /// as a number, only weight `i` is set.
    pub fn balance_weight(&mut self, i: usize, text: String) {
        let weights = &mut self.weights;
        let read: Option<Vec<Decimal>> = weights
            .iter()
            .enumerate()
            .map(|(j, w)| {
                if j == i {
                    parse_decimal(&text, "").ok()
                } else {
                    parse_decimal(w, "").ok()
                }
            })
            .collect();
        if let Some(slot) = weights.get_mut(i) {
            *slot = text;
        }
        let Some(read) = read else { return };
        let Some(scaled) = dingji_rules::weights::balanced(&read, i) else {
            return;
        };
        for (j, w) in scaled.into_iter().enumerate() {
            if j != i
                && let Some(slot) = weights.get_mut(j)
            {
                *slot = w.normalize().to_string();
            }
        }
    }
}

/// Why a trial is not a scheme, by field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrialErrors {
    pub edits: EditErrors,
    pub shares: Vec<(Share, Error)>,
    /// The scheme's own check ([`Scheme::validate`]), once the values typed read: a shape the
    /// editor changed may not hold together yet.
    pub shape: Option<Error>,
}

impl Trial {
    /// `scheme` as it is.
    pub fn of(scheme: &Scheme) -> Trial {
        let last = scheme.tiers.len().saturating_sub(1);
        Trial {
            weights: scheme
                .sources
                .iter()
                .map(|s| s.weight.normalize().to_string())
                .collect(),
            thresholds: scheme
                .tiers
                .iter()
                .take(last)
                .map(|t| t.min.map(|m| m.normalize().to_string()).unwrap_or_default())
                .collect(),
            shares: Share::ALL
                .into_iter()
                .filter_map(|s| Some((s, s.get(scheme)?.normalize().to_string())))
                .collect(),
        }
    }

    /// The scheme tried: `start` with this trial's values, checked.
    pub fn scheme(&self, start: &Scheme, lang: Lang) -> Result<Scheme, Box<TrialErrors>> {
        let mut errors = TrialErrors::default();
        let edits = Edits {
            weights: self.weights.iter().cloned().map(Some).collect(),
            thresholds: self.thresholds.iter().cloned().map(Some).collect(),
        };
        let mut scheme = match effective_scheme(start, &edits, lang) {
            Ok(s) => s,
            Err(e) => {
                errors.edits = e;
                start.clone()
            }
        };
        for (share, text) in &self.shares {
            let field = share.label(start, lang);
            match parse_in_range(text, &field, Decimal::ZERO, Decimal::ONE_HUNDRED) {
                Ok(v) => share.set(&mut scheme, v),
                Err(e) => errors.shares.push((*share, e)),
            }
        }
        if errors == TrialErrors::default()
            && let Err(e) = scheme.validate()
        {
            errors.shape = Some(e);
        }
        if errors == TrialErrors::default() {
            Ok(scheme)
        } else {
            Err(Box::new(errors))
        }
    }
}

/// Whether entries read the same under `a` and `b`: the same sources in the same forms, the same
/// categories, indicators and vetoes (weights, thresholds and quotas do not enter the reading).
fn reads_alike(a: &Scheme, b: &Scheme) -> bool {
    a.sources.len() == b.sources.len()
        && (a.sources.iter().zip(&b.sources)).all(|(x, y)| x.id == y.id && x.input == y.input)
        && a.categories == b.categories
        && a.indicators == b.indicators
        && a.category_indicators == b.category_indicators
        && a.bonus_cap == b.bonus_cap
        && a.vetoes == b.vetoes
}

/// The list under `scheme`: its rows as read (where the scheme reads entries alike) or read
/// again (the entries as typed; the settings as they are).
pub fn under(list: &ListState, scheme: Rc<Scheme>) -> ListState {
    let rows = if reads_alike(&list.scheme, &scheme) {
        list.rows.clone()
    } else {
        Rc::new(
            list.rows
                .iter()
                .map(|r| Rc::new(Row::new(r.id, r.draft.clone(), &scheme)))
                .collect(),
        )
    };
    ListState {
        scheme,
        rows,
        ..list.clone()
    }
}

/// One organization's result: composite (rounded), tier, stars.
pub type Outcome = Option<(Decimal, usize, Option<u8>)>;

fn outcome(graded: &Graded, i: usize) -> Outcome {
    match graded.result(i) {
        RowResult::Ok(r) => Some((r.rounded, r.tier, r.stars)),
        _ => None,
    }
}

/// What a trial changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Each row's result before and after, in list order.
    pub rows: Vec<(Outcome, Outcome)>,
    /// Counts by tier before (rows) and after (columns), for the rows graded both times.
    pub matrix: Vec<Vec<usize>>,
    /// Rows whose tier went up (a better tier), down, or whose stars alone changed.
    pub up: usize,
    pub down: usize,
    pub stars_only: usize,
}

impl Comparison {
    /// Whether row `i`'s tier or stars changed.
    pub fn changed(&self, i: usize) -> bool {
        self.rows
            .get(i)
            .is_some_and(|(b, a)| b.map(|b| (b.1, b.2)) != a.map(|a| (a.1, a.2)))
    }

    /// "调整后 12 个组织等次变化：上升 5，下降 7", and how many change stars only.
    pub fn summary(&self, lang: Lang) -> String {
        let moved = self.up + self.down;
        let zh = lang == Lang::Zh;
        let mut parts = Vec::new();
        if moved > 0 {
            parts.push(if zh {
                format!(
                    "调整后 {moved} 个组织等次变化：上升 {}，下降 {}",
                    self.up, self.down
                )
            } else {
                format!(
                    "{moved} organizations change tier: {} up, {} down",
                    self.up, self.down
                )
            });
        }
        if self.stars_only > 0 {
            parts.push(if zh {
                format!("{} 个组织只有星级变化", self.stars_only)
            } else {
                format!("{} change stars only", self.stars_only)
            });
        }
        match (parts.is_empty(), zh) {
            (true, true) => "调整后没有组织的等次或星级变化".into(),
            (true, false) => "No organization's tier or stars change".into(),
            (false, true) => parts.join("；"),
            (false, false) => parts.join("; "),
        }
    }
}

/// Compares the list graded before (under its scheme, `tiers_before` tiers) and after.
pub fn compare(before: &Graded, after: &Graded, rows: usize, tiers: (usize, usize)) -> Comparison {
    let mut matrix = vec![vec![0; tiers.1]; tiers.0];
    let (mut up, mut down, mut stars_only) = (0, 0, 0);
    let rows: Vec<(Outcome, Outcome)> = (0..rows)
        .map(|i| (outcome(before, i), outcome(after, i)))
        .collect();
    for (b, a) in &rows {
        let (Some(b), Some(a)) = (b, a) else { continue };
        if let Some(cell) = matrix.get_mut(b.1).and_then(|r| r.get_mut(a.1)) {
            *cell += 1;
        }
        match a.1.cmp(&b.1) {
            std::cmp::Ordering::Less => up += 1,
            std::cmp::Ordering::Greater => down += 1,
            std::cmp::Ordering::Equal if a.2 != b.2 => stars_only += 1,
            std::cmp::Ordering::Equal => {}
        }
    }
    Comparison {
        rows,
        matrix,
        up,
        down,
        stars_only,
    }
}

/// A trial tried: its scheme, the list graded under it, and what it changes.
pub struct Tried {
    pub scheme: Rc<Scheme>,
    pub graded: Graded,
    pub comparison: Comparison,
}

/// The list graded under the trial's scheme and compared with `before` (the list as graded now).
pub fn try_out(
    list: &ListState,
    before: &Graded,
    start: &Scheme,
    trial: &Trial,
) -> Result<Tried, Box<TrialErrors>> {
    let scheme = Rc::new(trial.scheme(start, list.lang)?);
    let graded = grade(&under(list, scheme.clone()));
    let tiers = (list.scheme.tiers.len(), scheme.tiers.len());
    let comparison = compare(before, &graded, list.rows.len(), tiers);
    Ok(Tried {
        scheme,
        graded,
        comparison,
    })
}

/// Last year's results, as a file gives them: each organization's name, tier and stars (their
/// indices in this scheme), and what could not be read, by row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LastYear {
    pub rows: Vec<(String, usize, Option<u8>)>,
    pub problems: Vec<String>,
}

/// Reads last year's list from a table (its header first): the organization's name, its tier
/// (等次) and its stars (星级), by the headers the app exports and clerks write; tiers and stars
/// by their names in `scheme` (this year's). What does not read is said in `lang`.
pub fn last_year(
    table: &crate::wire::sheets::Table,
    scheme: &Scheme,
    lang: Lang,
) -> Result<LastYear, crate::wire::Error> {
    use crate::tools::import::headers::plain;
    let zh = lang == Lang::Zh;
    let say = |zh_text: &str, en_text: &str| {
        crate::wire::Error::Refused((if zh { zh_text } else { en_text }).to_owned())
    };
    let headers = table.rows.first().cloned().unwrap_or_default();
    let find = |words: &[&str]| {
        headers
            .iter()
            .position(|h| words.contains(&plain(h).as_str()))
    };
    let name = find(&[
        "组织名称",
        "名称",
        "党组织名称",
        "单位",
        "单位名称",
        "党支部",
        "organization",
    ])
    .ok_or_else(|| {
        say(
            "文件中没有组织名称列（组织名称、党组织名称……）",
            "The file has no column of names (组织名称, organization…)",
        )
    })?;
    let tier =
        find(&["等次", "定级等次", "评定等次", "等级", "定级结果", "tier"]).ok_or_else(|| {
            say(
                "文件中没有等次列（等次、定级等次……）",
                "The file has no column of tiers (等次, tier…)",
            )
        })?;
    let stars = find(&["星级", "评星", "星级评定", "stars"]);
    let mut out = LastYear::default();
    for (i, row) in table.rows.iter().enumerate().skip(1) {
        let cell = |j: usize| row.get(j).map_or("", |c| c.trim());
        if cell(name).is_empty() {
            continue;
        }
        let line = table.first_row + i;
        let Some(t) = scheme
            .tiers
            .iter()
            .position(|t| t.name.zh == cell(tier) || t.name.en == cell(tier))
        else {
            let (name, tier) = (cell(name), cell(tier));
            out.problems.push(if zh {
                format!("第 {line} 行「{name}」的等次“{tier}”不是本方案的等次")
            } else {
                format!("Row {line} (\"{name}\"): \"{tier}\" is not a tier of this scheme")
            });
            continue;
        };
        let s = stars.and_then(|j| {
            let text = cell(j);
            scheme
                .stars
                .as_ref()?
                .levels
                .iter()
                .find(|l| l.name.zh == text || l.name.en == text || l.stars.to_string() == text)
        });
        out.rows
            .push((cell(name).to_owned(), t, s.map(|l| l.stars)));
    }
    if out.rows.is_empty() && out.problems.is_empty() {
        return Err(say("文件中没有组织", "The file has no organizations"));
    }
    Ok(out)
}

/// A tier and stars (their indices), or `None` where there are none.
pub type Placed = Option<(usize, Option<u8>)>;

/// This year's list (under the trial) against last year's, by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearComparison {
    /// Each row of this year's list: last year's tier and stars (`None`: not in last year's
    /// file), and this year's result.
    pub rows: Vec<(Placed, Outcome)>,
    /// Counts by tier last year (rows) and this year (columns).
    pub matrix: Vec<Vec<usize>>,
    /// 晋位 (a better tier), 降位, 持平.
    pub up: usize,
    pub down: usize,
    pub same: usize,
    /// This year's organizations not in last year's file, and last year's not in this list.
    pub new: Vec<String>,
    pub gone: Vec<String>,
    /// 晋位, 降位 and 持平 by this year's category (index into the scheme's categories).
    pub by_category: Vec<(usize, [usize; 3])>,
}

impl YearComparison {
    /// "与去年相比：晋位 3，降位 2，持平 15".
    pub fn summary(&self, lang: Lang) -> String {
        if lang == Lang::Zh {
            format!(
                "与去年相比：晋位 {}，降位 {}，持平 {}",
                self.up, self.down, self.same
            )
        } else {
            format!(
                "Against last year: {} up, {} down, {} the same",
                self.up, self.down, self.same
            )
        }
    }
}

/// Compares this year's list (`graded`, names in `list`) with last year's, by name.
pub fn against_last_year(
    list: &ListState,
    graded: &Graded,
    tiers: usize,
    last: &LastYear,
) -> YearComparison {
    let mut matrix = vec![vec![0; tiers]; tiers];
    let (mut up, mut down, mut same) = (0, 0, 0);
    let mut new = Vec::new();
    let mut by_category: Vec<(usize, [usize; 3])> = Vec::new();
    let names: Vec<&str> = list.rows.iter().map(|r| r.draft.name.trim()).collect();
    let rows = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let before = last
                .rows
                .iter()
                .find(|(n, _, _)| n == name)
                .map(|(_, t, s)| (*t, *s));
            let after = outcome(graded, i);
            match (before, after) {
                (Some(b), Some(a)) => {
                    if let Some(cell) = matrix.get_mut(b.0).and_then(|r| r.get_mut(a.1)) {
                        *cell += 1;
                    }
                    let k = match a.1.cmp(&b.0) {
                        std::cmp::Ordering::Less => {
                            up += 1;
                            0
                        }
                        std::cmp::Ordering::Greater => {
                            down += 1;
                            1
                        }
                        std::cmp::Ordering::Equal => {
                            same += 1;
                            2
                        }
                    };
                    if let RowResult::Ok(r) = graded.result(i) {
                        match by_category.iter_mut().find(|(c, _)| *c == r.category) {
                            Some((_, counts)) => counts[k] += 1,
                            None => {
                                let mut counts = [0; 3];
                                counts[k] = 1;
                                by_category.push((r.category, counts));
                            }
                        }
                    }
                }
                (None, _) => new.push((*name).to_owned()),
                _ => {}
            }
            (before, after)
        })
        .collect();
    let gone = last
        .rows
        .iter()
        .filter(|(n, _, _)| !names.contains(&n.as_str()))
        .map(|(n, _, _)| n.clone())
        .collect();
    by_category.sort_unstable_by_key(|(c, _)| *c);
    YearComparison {
        rows,
        matrix,
        up,
        down,
        same,
        new,
        gone,
        by_category,
    }
}
