//! The scheme workshop's what-if for the list: a scheme tried from the one being edited (its
//! weights, thresholds and quota shares, as typed, checked as the calculator's 调整方案 checks
//! them), and what the trial changes against the list as graded now: each organization's result
//! before and after, the tier transition matrix, and the one-line summary.

pub mod apply;
pub mod calculator;
pub mod export;
pub mod link;
pub mod state;
pub mod view;
pub mod year;

pub use calculator::Calculator;
pub use link::{LinkFault, read_scheme_link, scheme_in_link, scheme_link};
pub use year::{LastYear, Placed, YearComparison, against_last_year, last_year};

use std::rc::Rc;

use dingji_rules::number::parse_in_range;
use dingji_rules::{Decimal, Error, Lang, Scheme, Text, parse_decimal};

use crate::list::derive::{Graded, RowResult, grade};
use crate::list::state::{ListState, Row};
use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;
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
        let t = tool_strings(lang);
        match self {
            Share::Floor => fill(
                t.share_floor(),
                &[scheme.tier_name(scheme.lowest_tier(), lang)],
            ),
            Share::Top => fill(t.share_top(), &[scheme.tier_name(0, lang)]),
            Share::StarCap => {
                let top_star = scheme
                    .stars
                    .as_ref()
                    .and_then(|s| s.cap.as_ref())
                    .map(|c| scheme.star_name(c.stars, lang))
                    .unwrap_or_default();
                fill(t.share_star_cap(), &[&top_star])
            }
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
        let t = tool_strings(lang);
        let moved = self.up + self.down;
        let mut parts = Vec::new();
        if moved > 0 {
            let n = [moved, self.up, self.down].map(|n| n.to_string());
            parts.push(fill(t.trial_moved(), &[&n[0], &n[1], &n[2]]));
        }
        if self.stars_only > 0 {
            parts.push(fill(t.trial_stars_only(), &[&self.stars_only.to_string()]));
        }
        if parts.is_empty() {
            t.trial_nothing_moved().to_owned()
        } else {
            parts.join(t.items_separator())
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

/// A trial tried: what it changes, or why it is not a scheme.
pub type TrialResult = Result<Tried, Box<TrialErrors>>;

/// The list graded under the trial's scheme and compared with `before` (the list as graded now).
pub fn try_out(list: &ListState, before: &Graded, start: &Scheme, trial: &Trial) -> TrialResult {
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

/// A trial's scheme as the list takes it and a file keeps it: an id of its own (so that it is
/// never taken for the preset it came from) and its name marked as adjusted, unless it is a
/// preset as it is, a scheme opened and not changed, or given a name of its own in the editor
/// (a name other than `start`'s).
pub fn adjusted(scheme: &Scheme, start: &Scheme) -> Scheme {
    let mut out = scheme.clone();
    if dingji_rules::presets::by_id(&out.id).is_ok_and(|p| p == out) {
        return out;
    }
    // A scheme opened as it is keeps its name; one changed from it is marked.
    let changed = out != *start;
    out.id = "custom".into();
    if changed && out.name == start.name {
        out.name = adjusted_name(&out.name);
    }
    // Its citation says it was changed, with the numbers now in force: the document's words
    // alone would cite the weights it no longer has.
    if changed {
        out.cite_adjusted_from(start);
    }
    out
}

/// A scheme's name marked as adjusted (once): what a changed trial is called.
pub fn adjusted_name(name: &Text) -> Text {
    if name.zh.ends_with("（调整）") {
        return name.clone();
    }
    Text {
        zh: format!("{}（调整）", name.zh),
        en: format!("{} (adjusted)", name.en),
    }
}
