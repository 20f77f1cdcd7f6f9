//! An import planned and read: a file's table (its header found under any title rows), each of
//! its columns guessed to a column of the list or left out with the reason, each category word
//! mapped to a category of the scheme, then every row read into a draft. The reading runs
//! before the user applies it: the dialog shows its problems at once and offers to apply only an
//! import that will not refuse, and applying uses the drafts already read.

pub mod categories;
mod cells;
mod checking;
pub mod dialog;
mod found;
pub mod headers;
mod missing;
mod pickers;
pub mod remember;

use dingji_rules::draft::{Mode, OrgDraft};
use dingji_rules::{Lang, Scheme};

use crate::shared::i18n::{cell_error_message, field_error_message, fill};
use crate::tools::export::unneutralize;
use crate::tools::import::headers::{
    CategoryGuess, Unmapped, guess_all, guess_category, names_source,
};
use crate::wire::codec::excerpt;
use crate::wire::columns::{Col, Modes, columns};
use crate::wire::sheets::Table;

use crate::tools::strings::tool_strings;
pub use cells::column_letter;
use cells::{as_number, rows_named};
use found::{NotOrganization, not_an_organization};
use missing::missing_sources;

/// The form of each source that the headers suggest: a source entered by ballots or indicators in
/// the list, whose own name heads a column (a vote score computed in Excel), is read as a score.
pub fn guess_modes(headers: &[String], scheme: &Scheme, modes: &Modes) -> Modes {
    let mut out = modes.clone();
    for source in &scheme.sources {
        if headers.iter().any(|h| names_source(h, source)) {
            dingji_rules::map::insert(&mut out, &source.id, Mode::Score);
        }
    }
    out
}

/// A category word found in the file that is not a category of the scheme as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryWord {
    pub value: String,
    pub guess: CategoryGuess,
    /// The category (id) it is read as; `None` until the user picks one.
    pub choice: Option<String>,
    /// The rows that have it: each row's line and the organization's name.
    pub lines: Vec<(usize, String)>,
    /// Chosen row by row (a word that covers several categories: 两新组织 is a company's or a
    /// social organization's): each row's category, in the order of `lines`; `choice` is then
    /// not used.
    pub per_row: Option<Vec<Option<String>>>,
}

impl CategoryWord {
    /// The category (id) the word is read as on line `line`.
    pub fn choice_at(&self, line: usize) -> Option<String> {
        match &self.per_row {
            None => self.choice.clone(),
            Some(choices) => {
                let at = self.lines.iter().position(|(l, _)| *l == line)?;
                choices.get(at).cloned().flatten()
            }
        }
    }
}

/// How a file is read: the form of each source, the column each file column fills (or why
/// none), the category words, and whether a blank category takes the one above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub modes: Modes,
    pub mapping: Vec<Option<usize>>,
    /// Why each unmapped column of the file is not read (`None` for a mapped one, or one the
    /// user chose to leave out).
    pub unmapped: Vec<Option<Unmapped>>,
    pub categories: Vec<CategoryWord>,
    pub fill_down: bool,
    /// The sources (ids) the user will type in after the import, though the file has no column
    /// for them: their rows import as still to fill in (待填写).
    pub later: Vec<String>,
    /// Rows (their lines) the user takes back in, though they looked like no organization.
    pub taken_back: Vec<usize>,
}

/// The plan a table's headers suggest.
pub fn plan(table: &Table, scheme: &Scheme, modes: &Modes) -> Plan {
    let headers = table.rows.first().cloned().unwrap_or_default();
    let modes = guess_modes(&headers, scheme, modes);
    let cols = columns(scheme, &modes);
    let guessed = guess_all(&headers, &cols, scheme);
    let mut plan = Plan {
        modes,
        mapping: guessed.iter().map(|g| g.as_ref().ok().copied()).collect(),
        unmapped: guessed.into_iter().map(Result::err).collect(),
        categories: Vec::new(),
        fill_down: false,
        later: Vec::new(),
        taken_back: Vec::new(),
    };
    plan.find_categories(table, scheme);
    plan
}

impl Plan {
    /// The file columns that fill the list's name (if one does) and those that hold entries
    /// (scores, ballots, indicators, the eligible): a row with none of these filled may be no
    /// organization at all.
    fn row_columns(&self, scheme: &Scheme) -> (Option<usize>, Vec<usize>) {
        let cols = columns(scheme, &self.modes);
        let col = |j: usize| {
            self.mapping
                .get(j)
                .copied()
                .flatten()
                .and_then(|c| cols.get(c))
        };
        let width = self.mapping.len();
        let name = (0..width).find(|&j| col(j) == Some(&Col::Name));
        let entries = (0..width)
            .filter(|&j| {
                matches!(
                    col(j),
                    Some(Col::Score(_) | Col::Count(..) | Col::Indicator(..) | Col::Eligible(_))
                )
            })
            .collect();
        (name, entries)
    }

    /// The file column that fills the list's category, if one does.
    fn category_column(&self, scheme: &Scheme) -> Option<usize> {
        let cols = columns(scheme, &self.modes);
        let c = cols.iter().position(|c| *c == Col::Category)?;
        self.mapping.iter().position(|m| *m == Some(c))
    }

    /// The category words of the category column not written as the scheme writes them; a
    /// word seen before keeps the user's choice.
    pub fn find_categories(&mut self, table: &Table, scheme: &Scheme) {
        let before = std::mem::take(&mut self.categories);
        let Some(j) = self.category_column(scheme) else {
            return;
        };
        let (name_column, entry_columns) = self.row_columns(scheme);
        for (i, row) in table.rows.iter().enumerate().skip(1) {
            let value = row.get(j).map_or("", |v| v.trim());
            if value.is_empty() || not_an_organization(row, name_column, &entry_columns).is_some() {
                continue;
            }
            let line = (table.first_row + i, {
                let name = name_column
                    .and_then(|n| row.get(n))
                    .map_or("", |c| c.trim());
                name.to_owned()
            });
            if let Some(word) = self.categories.iter_mut().find(|w| w.value == value) {
                word.lines.push(line);
                continue;
            }
            let guess = guess_category(value, scheme);
            if matches!(guess, CategoryGuess::Known(_)) {
                continue;
            }
            let choice = before
                .iter()
                .find(|w| w.value == value)
                .map(|w| w.choice.clone())
                .unwrap_or(match &guess {
                    CategoryGuess::Synonym(id) => Some(id.clone()),
                    _ => None,
                });
            self.categories.push(CategoryWord {
                value: value.to_owned(),
                guess,
                choice,
                lines: vec![line],
                per_row: None,
            });
        }
        // A word chosen row by row keeps each row's choice while its rows are the same.
        for word in &mut self.categories {
            let kept = before.iter().find(|w| w.value == word.value);
            if let Some(kept) = kept.filter(|k| k.lines == word.lines) {
                word.per_row.clone_from(&kept.per_row);
            } else if kept.is_some_and(|k| k.per_row.is_some()) {
                word.per_row = Some(vec![None; word.lines.len()]);
            }
        }
    }

    /// The plan with file column `j` filling list column `col` (or none).
    pub fn with_column(
        &self,
        j: usize,
        col: Option<usize>,
        table: &Table,
        scheme: &Scheme,
    ) -> Plan {
        let mut plan = self.clone();
        if let Some(slot) = plan.mapping.get_mut(j) {
            *slot = col;
        }
        if let Some(slot) = plan.unmapped.get_mut(j) {
            *slot = None;
        }
        plan.find_categories(table, scheme);
        plan
    }
}

/// A problem that stops the import: where it is — the rows, as the spreadsheet numbers them (none:
/// the file as a whole), and the column, from 0 — and why, in the reading's language. The dialog
/// writes the place (`Problem::said`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub rows: Vec<usize>,
    pub column: Option<usize>,
    pub why: String,
}

impl Problem {
    /// A problem of the file as a whole.
    fn of_file(why: String) -> Problem {
        Problem {
            rows: Vec::new(),
            column: None,
            why,
        }
    }

    /// The problem as a sentence in `lang`, its place first, as the spreadsheet names it: "第 3
    /// 行 B 列「得分」：…", "Rows 3, 4, column B ("Category"): …" (`headers`: the file's header
    /// row, each excerpted).
    pub fn said(&self, headers: &[String], lang: Lang) -> String {
        let t = tool_strings(lang);
        let column = self.column.map(|j| {
            let header = crate::wire::codec::excerpt(headers.get(j).map_or("", String::as_str));
            fill(t.column_and_header(), &[&column_letter(j), &header])
        });
        let rows = (!self.rows.is_empty()).then(|| rows_named(&self.rows, lang));
        match (rows, column) {
            (Some(r), Some(c)) => fill(t.at_rows_column(), &[&r, &c, &self.why]),
            (Some(p), None) | (None, Some(p)) => fill(t.at_place(), &[&p, &self.why]),
            (None, None) => self.why.clone(),
        }
    }
}

/// A table read under a plan: the drafts, what stops the import, and what the user should know.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    pub drafts: Vec<OrgDraft>,
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
    /// How many rows have a blank category (and no category above taken for it).
    pub blank_categories: usize,
    /// The sources the file has no column for (all of a vote's valid levels, a score, an
    /// indicator), each with the sentence that says so: no row can be graded without them.
    pub missing: Vec<(String, String)>,
    /// How many of the drafts grade as they are (every entry there and read).
    pub grading: usize,
    /// The rows below the header left out as no organization (their lines), which the user may
    /// take back in.
    pub left_out: Vec<usize>,
}

/// Reads the data rows of `table` (the first is the header) into drafts under `plan`, listing
/// every problem with its rows and column (as the spreadsheet numbers them) and why, in `lang`
/// (this runs in the tools bundle, fetched on first use: its English is here).
/// An entry that does not read is a problem; an empty one is not (the list shows what is still to
/// fill in, as for a row added by hand). A totals row (合计) is left out and said so; a table
/// without a data row is refused.
pub fn read(table: &Table, plan: &Plan, scheme: &Scheme, blank: &OrgDraft, lang: Lang) -> Reading {
    let t = tool_strings(lang);
    let cols = columns(scheme, &plan.modes);
    let headers = table.rows.first().cloned().unwrap_or_default();
    let at = |line: usize, j: usize, why: String| Problem {
        rows: vec![line],
        column: Some(j),
        why,
    };
    let category_column = plan.category_column(scheme);
    let (name_column, entry_columns) = plan.row_columns(scheme);
    let mut reading = Reading::default();
    // The file's columns read as nothing (not 序号, not empty), named as the candidates for a
    // source without a column.
    let unread: Vec<String> = headers
        .iter()
        .enumerate()
        .filter(|(j, h)| {
            !h.trim().is_empty()
                && plan.mapping.get(*j).copied().flatten().is_none()
                && !matches!(plan.unmapped.get(*j), Some(Some(Unmapped::Serial)))
        })
        .map(|(j, h)| format!("{} 「{}」", column_letter(j), excerpt(h)))
        .collect();
    let unread = match unread.is_empty() {
        true => String::new(),
        false => fill(t.columns_not_read(), &[&unread.join(t.list_separator())]),
    };
    let mut skipped: Vec<(usize, NotOrganization)> = Vec::new();
    let mut blank_categories: Vec<usize> = Vec::new();
    let mut unresolved: Vec<(String, Vec<usize>)> = Vec::new();
    let mut totals: Vec<usize> = Vec::new();
    let mut above: Option<String> = None;
    let problems = &mut reading.problems;
    for (i, record) in table.rows.iter().enumerate().skip(1) {
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = table.first_row + i;
        match not_an_organization(record, name_column, &entry_columns)
            .filter(|_| !plan.taken_back.contains(&line))
        {
            Some(NotOrganization::Totals) => {
                totals.push(line);
                continue;
            }
            Some(why) => {
                skipped.push((line, why));
                continue;
            }
            None => {}
        }
        let mut draft = blank.clone();
        for (source, mode) in &plan.modes {
            draft.source_mut(scheme, source).mode = *mode;
        }
        let mut category_open = false;
        for (j, cell) in record.iter().enumerate() {
            let Some(col) = plan
                .mapping
                .get(j)
                .copied()
                .flatten()
                .and_then(|c| cols.get(c))
            else {
                continue;
            };
            let mut cell = if table.quoted {
                unneutralize(cell)
            } else {
                cell.as_str()
            };
            if Some(j) == category_column {
                let value = cell.trim();
                let id = if value.is_empty() {
                    above.clone().filter(|_| plan.fill_down)
                } else {
                    match plan.categories.iter().find(|w| w.value == value) {
                        Some(word) => word.choice_at(line),
                        None => match guess_category(value, scheme) {
                            CategoryGuess::Known(id) => Some(id),
                            _ => None,
                        },
                    }
                };
                match id {
                    Some(id) => {
                        // Written as the scheme writes it where it was (its id, or its name).
                        draft.category = match scheme.category(&id) {
                            Some(c) if value != c.id => c.name.zh.clone(),
                            _ => id.clone(),
                        };
                        above = Some(id);
                    }
                    None if value.is_empty() => {
                        blank_categories.push(line);
                        category_open = true;
                    }
                    None => {
                        match unresolved.iter_mut().find(|(v, _)| v == value) {
                            Some((_, rows)) => rows.push(line),
                            None => unresolved.push((value.to_owned(), vec![line])),
                        }
                        category_open = true;
                    }
                }
                continue;
            }
            // A score shown as a percent in the sheet ("92%") is the score shown.
            if matches!(col, Col::Score(_)) {
                cell = cell.trim().strip_suffix('%').unwrap_or(cell);
            }
            let number = as_number(col, cell);
            let cell = number.as_deref().unwrap_or(cell);
            if let Err(why) = col.set(&mut draft, scheme, &plan.modes, cell) {
                problems.push(at(line, j, cell_error_message(&why, scheme, lang)));
            }
        }
        // The cell's one reading here: its problems, or the organization counted as grading.
        let parsed = draft.parse(scheme);
        if parsed.is_ok() {
            reading.grading += 1;
        }
        if let Err(errors) = parsed {
            for e in errors {
                if category_open && e.field == dingji_rules::draft::Field::Category {
                    continue;
                }
                // An entry not there (an empty cell, a column not imported) is for the list to
                // show and the clerk to fill in; an entry there that does not read is refused.
                let j = cols
                    .iter()
                    .position(|c| c.owns(&e.field))
                    .and_then(|c| plan.mapping.iter().position(|m| *m == Some(c)))
                    .filter(|j| record.get(*j).is_some_and(|c| !c.trim().is_empty()));
                if let Some(j) = j {
                    let why = field_error_message(&e.error, &e.field, scheme, lang);
                    problems.push(at(line, j, why));
                }
            }
        }
        reading.drafts.push(draft);
    }
    // Only for a file with rows: one of headers alone is refused as that.
    if !reading.drafts.is_empty() {
        reading.missing = missing_sources(plan, &cols, scheme, &unread, lang);
        for (source, said) in &reading.missing {
            if plan.later.contains(source) {
                let name = scheme.source(source).map_or("", |(_, x)| x.name.get(lang));
                reading.notes.push(fill(t.later_typed_in(), &[name]));
            } else {
                problems.push(Problem::of_file(said.clone()));
            }
        }
    }

    for (value, rows) in unresolved {
        let word = plan.categories.iter().find(|w| w.value == value);
        let why = match word.map(|w| &w.guess) {
            Some(CategoryGuess::Ambiguous(ids)) => {
                let names: Vec<&str> = ids
                    .iter()
                    .filter_map(|id| scheme.category(id))
                    .map(|c| c.name.get(lang))
                    .collect();
                let names = names.join(t.or_separator());
                fill(t.category_may_be(), &[&excerpt(&value), &names])
            }
            _ => fill(t.no_such_category(), &[&excerpt(&value)]),
        };
        problems.push(Problem {
            rows,
            column: category_column,
            why,
        });
    }
    reading.blank_categories = blank_categories.len();
    if !blank_categories.is_empty() {
        problems.push(Problem {
            rows: blank_categories.clone(),
            column: category_column,
            why: t.the_category_is_empty_merged().to_owned(),
        });
    }
    if category_column.is_none() && scheme.categories.len() > 1 && !reading.drafts.is_empty() {
        problems.push(Problem::of_file(t.no_column_is_read_as().to_owned()));
    }
    if !table.above.is_empty() {
        let rows = rows_named(&table.above, lang);
        let first = table.first_row.to_string();
        reading
            .notes
            .push(fill(t.rows_above_header(), &[&rows, &first]));
    }
    if !totals.is_empty() {
        let rows = rows_named(&totals, lang);
        reading.notes.push(fill(t.rows_of_totals(), &[&rows]));
    }
    for (kind, said) in [
        (NotOrganization::Note, t.rows_of_notes()),
        (NotOrganization::Group, t.rows_of_group_labels()),
    ] {
        let lines: Vec<usize> = skipped
            .iter()
            .filter(|(_, why)| *why == kind)
            .map(|(line, _)| *line)
            .collect();
        if !lines.is_empty() {
            let rows = rows_named(&lines, lang);
            reading.notes.push(fill(said, &[&rows]));
        }
    }
    reading.left_out = totals
        .iter()
        .copied()
        .chain(skipped.iter().map(|(line, _)| *line))
        .collect();
    reading.left_out.sort_unstable();
    let waiting = reading.drafts.len() - reading.grading;
    if waiting > 0 && !reading.drafts.is_empty() {
        let (grading, waiting) = (reading.grading.to_string(), waiting.to_string());
        reading
            .notes
            .push(fill(t.waiting_to_grade(), &[&grading, &waiting]));
    }
    if reading.drafts.is_empty() && reading.problems.is_empty() {
        // Never a list replaced by nothing: an empty file, or one of headers only, is refused.
        let blank = headers.iter().all(|c| c.trim().is_empty());
        reading.problems.push(Problem::of_file(if blank {
            t.file_is_empty().to_owned()
        } else {
            fill(t.file_has_no_rows(), &[&table.first_row.to_string()])
        }));
    }
    reading
}

/// [`read`] with `mapping`, the categories guessed from the file and the sources `later` typed
/// in after the import: the drafts, or every problem.
pub fn read_rows(
    table: &Table,
    mapping: &[Option<usize>],
    scheme: &Scheme,
    modes: &Modes,
    blank: &OrgDraft,
    later: &[&str],
    lang: Lang,
) -> Result<Vec<OrgDraft>, Vec<Problem>> {
    let mut plan = Plan {
        modes: modes.clone(),
        mapping: mapping.to_vec(),
        unmapped: vec![None; mapping.len()],
        categories: Vec::new(),
        fill_down: false,
        later: later.iter().map(|s| (*s).to_owned()).collect(),
        taken_back: Vec::new(),
    };
    plan.find_categories(table, scheme);
    let reading = read(table, &plan, scheme, blank, lang);
    if reading.problems.is_empty() {
        Ok(reading.drafts)
    } else {
        Err(reading.problems)
    }
}
