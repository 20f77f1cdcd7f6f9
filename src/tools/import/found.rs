//! Where a clerk's table is: its header found by the scheme's names wherever it stands (one row,
//! or two with merged group cells read as one), and the rows below it that are not
//! organizations (合计 in any of the first columns, notes and signatures, group labels).

use dingji_rules::Scheme;

use super::guess_modes;
use super::headers::{guess_all, is_totals, plain};
use crate::wire::columns::{Col, Modes, columns};
use crate::wire::sheets::Table;

/// How many rows from the top of a sheet are searched for its header.
const HEADER_SEARCH: usize = 30;

/// How many of `headers` fill a column of the list under `scheme` (each column once).
fn header_score(headers: &[String], cols: &[Col], scheme: &Scheme) -> usize {
    guess_all(headers, cols, scheme)
        .iter()
        .filter(|g| g.is_ok())
        .count()
}

/// Two header rows read as one: where the lower row has a cell, that cell under its group (the
/// upper row's nearest filled cell at or left of it: a cell merged across, 民主测评票数 over
/// 好/较好/一般/较差), or alone where the group adds nothing that reads; where it has none, the
/// upper row's cell (a cell merged down both rows, or written in the upper one only).
fn two_rows(upper: &[String], lower: &[String], cols: &[Col], scheme: &Scheme) -> Vec<String> {
    let width = upper.len().max(lower.len());
    let mut group = "";
    (0..width)
        .map(|j| {
            let up = upper.get(j).map_or("", |c| c.trim());
            let low = lower.get(j).map_or("", |c| c.trim());
            if !up.is_empty() {
                group = up;
            }
            if low.is_empty() || low == up {
                return up.to_owned();
            }
            let grouped = format!("{group}·{low}");
            let reads = |h: &str| header_score(&[h.to_owned()], cols, scheme) > 0;
            if !group.is_empty() && reads(&grouped) {
                grouped
            } else {
                low.to_owned()
            }
        })
        .collect()
}

impl Table {
    /// The table from its header on: the first row with two cells or more filled (a title
    /// above it, merged across the sheet, fills one). For a file read without a scheme's names
    /// (last year's list); an import finds its header with [`Table::header_for`].
    pub fn from_header(self) -> Table {
        let header = self
            .rows
            .iter()
            .position(|r| r.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
            .unwrap_or(0);
        Table {
            first_row: self.first_row + header,
            rows: self.rows.into_iter().skip(header).collect(),
            ..self
        }
    }

    /// The table from its header on, the header found by the scheme's names wherever it stands
    /// among the first rows: the row, or the pair of rows read as one (a two-row header with
    /// merged group cells), where the most cells name a column of the list; ties go to the
    /// higher row and to one row over two. Rows above it are left out (a title, who filled the
    /// form) and said in [`Reading::notes`] by [`read`]; a sheet where no row names two columns
    /// is read from its first row with two cells filled, as [`Table::from_header`] reads it.
    pub fn header_for(self, scheme: &Scheme, modes: &Modes) -> Table {
        let search = self.rows.len().min(HEADER_SEARCH);
        let mut best: Option<(usize, usize, Option<Vec<String>>)> = None;
        // How many cells of `header` name a column, each source in the form the header says.
        let score = |header: &[String]| {
            let cols = columns(scheme, &guess_modes(header, scheme, modes));
            header_score(header, &cols, scheme)
        };
        let as_entered = columns(scheme, modes);
        for i in 0..search {
            let row = &self.rows[i];
            let mut consider = |score: usize, two: Option<Vec<String>>| {
                if score >= 2 && best.as_ref().is_none_or(|(_, s, _)| score > *s) {
                    best = Some((i, score, two));
                }
            };
            consider(score(row), None);
            if let Some(lower) = self.rows.get(i + 1) {
                let joined = two_rows(row, lower, &as_entered, scheme);
                consider(score(&joined), Some(joined));
            }
        }
        let Some((i, _, two)) = best else {
            return self.from_header();
        };
        // The lines above the header with anything written in them (not a two-row header's
        // upper row).
        let above_lines: Vec<usize> = (0..i)
            .filter(|&k| self.rows[k].iter().any(|c| !c.trim().is_empty()))
            .map(|k| self.first_row + k)
            .collect();
        let mut rows = self.rows;
        let at = i + usize::from(two.is_some());
        let header = two.unwrap_or_else(|| rows.get(i).cloned().unwrap_or_default());
        let mut rest: Vec<Vec<String>> = rows.drain(at.min(rows.len())..).collect();
        if let Some(first) = rest.first_mut() {
            *first = header;
        }
        Table {
            first_row: self.first_row + at,
            above: above_lines,
            rows: rest,
            ..self
        }
    }
}

/// Why a row below the header is not an organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NotOrganization {
    /// 合计, 总计, 小计 in one of its first cells, whatever its name cell holds.
    Totals,
    /// A line about the form (填表人, 审核人, 填报日期, 注, 说明…) or a signature: no entry.
    Note,
    /// A group's label (一、村党组织; （二）社区): a name-like cell and no entry.
    Group,
}

/// Words that open a line about the form rather than an organization.
const NOTE_WORDS: [&str; 14] = [
    "注",
    "说明",
    "备注",
    "填表",
    "填报",
    "制表",
    "审核",
    "负责人",
    "联系人",
    "联系电话",
    "签字",
    "盖章",
    "日期",
    "单位盖章",
];

/// Whether `name` labels a group of rows: an enumerator first (一、 （二） 3.) or a colon last.
fn is_group_label(name: &str) -> bool {
    let name = name.trim();
    let numerals = "一二三四五六七八九十";
    let mut chars = name.chars();
    let first = chars.next();
    let enumerated = match first {
        Some('（' | '(') => chars.next().is_some_and(|c| numerals.contains(c)),
        Some(c) if numerals.contains(c) => name.chars().nth(1) == Some('、'),
        _ => false,
    };
    enumerated || name.ends_with(['：', ':'])
}

/// Why `record` is not an organization, if it is not: the cells of its name column
/// (`name_column`) and of its entry columns (`entries`: scores, ballots, indicators) say.
pub(super) fn not_an_organization(
    record: &[String],
    name_column: Option<usize>,
    entries: &[usize],
) -> Option<NotOrganization> {
    let name_cell = name_column.and_then(|j| record.get(j));
    if record.iter().take(3).chain(name_cell).any(|c| is_totals(c)) {
        return Some(NotOrganization::Totals);
    }
    if entries
        .iter()
        .any(|&j| record.get(j).is_some_and(|c| !c.trim().is_empty()))
    {
        return None;
    }
    let name = name_cell.map_or("", |c| c.trim());
    // What the row says first: its name, or where it has none, its first filled cell (a group's
    // label written in the 序号 column).
    let first = if name.is_empty() {
        record
            .iter()
            .map(|c| c.trim())
            .find(|c| !c.is_empty())
            .unwrap_or("")
    } else {
        name
    };
    if is_group_label(first) {
        return Some(NotOrganization::Group);
    }
    let plain = plain(name);
    // No name and no entry: a note in another column, a signature.
    (name.is_empty() || NOTE_WORDS.iter().any(|w| plain.starts_with(w)))
        .then_some(NotOrganization::Note)
}
