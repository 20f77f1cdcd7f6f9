//! A block copied from Excel or WPS (tab-separated) read into the list: a first line of headers
//! places the columns (the clerks' words, [`headers`]); otherwise the cells go from the cursor's
//! column rightwards. Each cell is read as the grid reads it, and one that does not read refuses
//! the whole paste, naming the row, the pasted line and the column. Run by the tools bundle,
//! which the list page hands the rows a paste can reach.

use std::rc::Rc;

use dingji_rules::{Lang, Scheme};

use crate::list::state::{ListState, Notice, Row};
use crate::shared::i18n::{cell_error_message, fill, list_strings};
use crate::tools::import::headers;
use crate::wire::Error;
use crate::wire::codec::excerpt;
use crate::wire::columns::{CellError, Col};

/// Records of delimited text (`,` for CSV, `\t` for what a spreadsheet copies): quoted fields
/// may hold the delimiter, quotes (doubled) and line breaks; `\r\n` and `\n` end a record. Blank
/// trailing records are dropped.
pub fn parse_delimited(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            c if c == delimiter => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    while records
        .last()
        .is_some_and(|r| r.iter().all(|f| f.trim().is_empty()))
    {
        records.pop();
    }
    records
}

/// Where each cell of a pasted line goes (a column index, or nowhere), and the first line of
/// data. A first line whose filled cells all name columns (two or more, each once; or a
/// sequence number) is a header: its columns place the cells. Otherwise the cells go from `col`
/// rightwards, but a first column of consecutive numbers pasted into the names (a 序号 column)
/// is skipped.
fn paste_places(
    cells: &[Vec<String>],
    col: usize,
    columns: &[Col],
    scheme: &Scheme,
) -> (Vec<Option<usize>>, usize) {
    let width = cells.iter().map(Vec::len).max().unwrap_or(0);
    if let Some(first) = cells.first() {
        let places: Vec<Option<usize>> = first
            .iter()
            .map(|h| headers::guess(h, columns, scheme))
            .collect();
        let named: Vec<usize> = places.iter().flatten().copied().collect();
        let distinct = named
            .iter()
            .enumerate()
            .all(|(i, p)| !named.get(..i).unwrap_or_default().contains(p));
        // Two columns or more, each named once: a single "好" pasted as a tier is data.
        let header = named.len() >= 2
            && distinct
            && first
                .iter()
                .zip(&places)
                .all(|(h, p)| p.is_some() || h.trim().is_empty() || headers::is_serial(h));
        if header {
            return (places, 1);
        }
    }
    let sequence = columns.get(col) == Some(&Col::Name)
        && width >= 2
        && cells.len() >= 2
        && cells.windows(2).all(|w| {
            let n = |line: &Vec<String>| line.first().and_then(|c| c.trim().parse::<u64>().ok());
            matches!((n(&w[0]), n(&w[1])), (Some(a), Some(b)) if a.checked_add(1) == Some(b))
        });
    let skip = usize::from(sequence);
    let places = (0..width)
        .map(|j| j.checked_sub(skip).map(|j| col + j))
        .collect();
    (places, 0)
}

/// A number column's text must read as a number (a score) or a count (ballots, people): a
/// pasted block with one that does not is refused whole.
fn number_in(col: &Col, text: &str) -> Result<(), CellError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(());
    }
    match col {
        Col::Score(_) | Col::Indicator(..) => dingji_rules::number::parse_decimal(text, "")
            .map(|_| ())
            .map_err(|_| CellError::NotANumber(excerpt(text))),
        Col::Count(..) | Col::Eligible(_) => dingji_rules::draft::parse_count(text, "")
            .map(|_| ())
            .map_err(|_| CellError::NotACount(excerpt(text))),
        _ => Ok(()),
    }
}

/// The row number a refusal names for the row at index `at` of a part of a list sent to be
/// pasted into: its place in the list (`places`, from 0), or for a row the paste adds, the next
/// after the list's `total`.
pub fn place_number(places: &[usize], total: usize, at: usize) -> usize {
    match places.get(at) {
        Some(place) => place + 1,
        None => total + at.saturating_sub(places.len()) + 1,
    }
}

/// A paste into a list: the list after it, or the list as it was with the refusal as its
/// notice.
pub trait Paste {
    /// A block of cells pasted at column index `col` into the rows shown from the cursor down
    /// (`targets`: their indices in the list, in the order shown); lines past them add rows.
    fn paste(self, targets: &[usize], col: usize, cells: &[Vec<String>]) -> Self;

    /// [`Paste::paste`] into a part of a list: `number` gives the row number a refusal names
    /// for the row at index `at` of this part.
    fn paste_numbered(
        self,
        targets: &[usize],
        col: usize,
        cells: &[Vec<String>],
        number: &dyn Fn(usize) -> usize,
    ) -> Self;
}

impl Paste for Rc<ListState> {
    fn paste(self, targets: &[usize], col: usize, cells: &[Vec<String>]) -> Rc<ListState> {
        self.paste_numbered(targets, col, cells, &|at| at + 1)
    }

    fn paste_numbered(
        self,
        targets: &[usize],
        col: usize,
        cells: &[Vec<String>],
        number: &dyn Fn(usize) -> usize,
    ) -> Rc<ListState> {
        let mut next = (*self).clone();
        let columns = next.columns();
        let (places, first_line) = paste_places(cells, col, &columns, &next.scheme);
        let mut rows = (*next.rows).clone();
        let mut problems = Vec::new();
        let mut pasted = 0;
        for (k, line) in cells.iter().enumerate().skip(first_line) {
            let at = match targets.get(k - first_line) {
                Some(&at) if at < rows.len() => at,
                _ => {
                    rows.push(Rc::new(Row::new(next.next_id, next.blank(), &next.scheme)));
                    next.next_id += 1;
                    rows.len() - 1
                }
            };
            let Some(current) = rows.get(at).cloned() else {
                continue;
            };
            let mut draft = current.draft.clone();
            for (text, place) in line.iter().zip(&places) {
                let Some(c) = place.and_then(|p| columns.get(p)) else {
                    continue;
                };
                let read = number_in(c, text)
                    .and_then(|()| c.set(&mut draft, &next.scheme, &next.modes, text));
                if let Err(why) = read {
                    let lang = next.lang;
                    problems.push(fill(
                        list_strings(lang).paste_problem(),
                        &[
                            &number(at).to_string(),
                            &(k + 1).to_string(),
                            &c.header(&next.scheme, lang),
                            &cell_error_message(&why, &next.scheme, lang),
                        ],
                    ));
                }
            }
            if let Some(slot) = rows.get_mut(at) {
                *slot = Rc::new(Row::new(current.id, draft, &next.scheme));
            }
            pasted += 1;
        }
        if !problems.is_empty() {
            let s = list_strings(next.lang);
            next.notice = Some(Notice::Refused(Error::Refused(fill(
                s.paste_refused(),
                &[&problems.join(s.sentence_sep())],
            ))));
            return Rc::new(ListState {
                rows: self.rows.clone(),
                next_id: self.next_id,
                ..next
            });
        }
        next.notice = Some(Notice::Done(if next.lang == Lang::Zh {
            format!("已粘贴 {pasted} 行")
        } else {
            format!("Pasted {pasted} rows")
        }));
        next.commit(rows);
        Rc::new(next)
    }
}
