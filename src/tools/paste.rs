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
use crate::tools::strings::tool_strings;
use crate::wire::Error;
use crate::wire::codec::excerpt;
use crate::wire::columns::{CellError, Col};

/// Records of delimited text (`,` for CSV, `\t` for what a spreadsheet copies), as Excel and WPS
/// write it: a field that holds the delimiter, a quote or a line break is quoted whole, its
/// quotes doubled; `\r\n` and `\n` end a record. Blank trailing records are dropped. A quote
/// that leaves the shape ambiguous (one never closed, or a closing quote followed by more of the
/// field: `"红星村<TAB>92<LF>东风村…` would otherwise be one cell holding every tab and line break)
/// is refused: `Err` with the line (from 1) where that field began.
pub fn parse_delimited(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, usize> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    // The line a quoted field began on, while it is open; and whether one just closed.
    let mut quoted: Option<usize> = None;
    let mut closed = false;
    let mut line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(began) = quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => {
                    quoted = None;
                    closed = true;
                    // Only the field's end may follow its closing quote.
                    if !matches!(chars.peek(), None | Some('\n' | '\r'))
                        && chars.peek() != Some(&delimiter)
                    {
                        return Err(began);
                    }
                }
                c => {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c)
                }
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !closed => quoted = Some(line),
            c if c == delimiter => {
                record.push(std::mem::take(&mut field));
                closed = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                closed = false;
                line += 1;
            }
            c => field.push(c),
        }
    }
    if let Some(began) = quoted {
        return Err(began);
    }
    if !field.is_empty() || !record.is_empty() || closed {
        record.push(field);
        records.push(record);
    }
    while records
        .last()
        .is_some_and(|r| r.iter().all(|f| f.trim().is_empty()))
    {
        records.pop();
    }
    Ok(records)
}

/// Why a paste was refused for its shape (as any refused paste is said: 粘贴未执行：…): the
/// line of the paste where a quote leaves its cells ambiguous, in `lang`.
pub fn unmatched_quote(line: usize, lang: dingji_rules::Lang) -> String {
    let why = if lang == dingji_rules::Lang::Zh {
        format!("粘贴内容第 {line} 行的引号未配对，无法确定单元格如何分隔；未粘贴任何内容")
    } else {
        format!(
            "line {line} of the paste has an unmatched quote, so its cells cannot be told apart; nothing was pasted"
        )
    };
    fill(tool_strings(lang).paste_refused(), &[&why])
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
                        tool_strings(lang).paste_problem(),
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
            let (s, t) = (list_strings(next.lang), tool_strings(next.lang));
            next.notice = Some(Notice::Refused(Error::Refused(fill(
                t.paste_refused(),
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
