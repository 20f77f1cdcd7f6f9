//! Last year's list against this year's: last year's results read from a file (this app's
//! export, or a clerk's sheet with names, tiers and stars), and this year's list compared with
//! them by name: 晋位, 降位 and 持平, and where both years give stars 升星, 降星 and 持平, in all
//! and by category.

use dingji_rules::{Lang, Scheme};

use super::{Outcome, outcome};
use crate::list::derive::{Graded, RowResult};
use crate::list::state::ListState;
use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;

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
    let t = tool_strings(lang);
    let say = |word: &str| crate::wire::Error::Refused(word.to_owned());
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
    .ok_or_else(|| say(t.last_year_no_name_column()))?;
    let tier = find(&["等次", "定级等次", "评定等次", "等级", "定级结果", "tier"])
        .ok_or_else(|| say(t.last_year_no_tier_column()))?;
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
            out.problems.push(fill(
                t.last_year_not_a_tier(),
                &[&line.to_string(), name, tier],
            ));
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
        return Err(say(t.last_year_no_organizations()));
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
    /// 升星, 降星 and 持平, counted where both years give the organization stars; `None` where
    /// no organization has stars in both.
    pub stars: Option<[usize; 3]>,
    /// By this year's category (index into the scheme's categories): 晋位, 降位, 持平, then
    /// 升星, 降星, 持平.
    pub by_category: Vec<(usize, [usize; 6])>,
}

/// 0 for more (a better tier, more stars), 1 for less, 2 for the same.
fn direction(better: bool, worse: bool) -> usize {
    match (better, worse) {
        (true, _) => 0,
        (_, true) => 1,
        _ => 2,
    }
}

/// The stars' direction from `last` to `now`, where both have stars.
pub fn stars_direction(last: Option<u8>, now: Option<u8>) -> Option<usize> {
    let (b, a) = (last?, now?);
    Some(direction(a > b, a < b))
}

impl YearComparison {
    /// "与去年相比：晋位 3，降位 2，持平 15".
    pub fn summary(&self, lang: Lang) -> String {
        let n = [self.up, self.down, self.same].map(|n| n.to_string());
        fill(tool_strings(lang).year_summary(), &[&n[0], &n[1], &n[2]])
    }

    /// "星级与去年相比：升星 2，降星 1，持平 17", where both years give stars.
    pub fn stars_summary(&self, lang: Lang) -> Option<String> {
        let n = self.stars?.map(|n| n.to_string());
        Some(fill(
            tool_strings(lang).year_stars_summary(),
            &[&n[0], &n[1], &n[2]],
        ))
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
    let mut by_category: Vec<(usize, [usize; 6])> = Vec::new();
    let mut stars: Option<[usize; 3]> = None;
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
                    // A lower index is a better tier.
                    let k = direction(a.1 < b.0, a.1 > b.0);
                    *[&mut up, &mut down, &mut same][k] += 1;
                    let star = stars_direction(b.1, a.2);
                    if let Some(s) = star {
                        stars.get_or_insert([0; 3])[s] += 1;
                    }
                    if let RowResult::Ok(r) = graded.result(i) {
                        let at = match by_category.iter().position(|(c, _)| *c == r.category) {
                            Some(at) => at,
                            None => {
                                by_category.push((r.category, [0; 6]));
                                by_category.len() - 1
                            }
                        };
                        let counts = &mut by_category[at].1;
                        counts[k] += 1;
                        if let Some(s) = star {
                            counts[3 + s] += 1;
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
        stars,
        by_category,
    }
}
