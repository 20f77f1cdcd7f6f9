//! Excel workbooks (.xlsx) read as a clerk sees them: each cell as Excel shows it (a percent as
//! "92%", a date as 2026-03-01), a vertically merged cell's value in every row it covers, a
//! formula's saved result (one without is an error naming the cell), hidden sheets named. Every
//! limit is checked before the work it bounds: the inflated size of the zip (a zip bomb), the
//! rows and columns (cells are read one by one, never as the sheet's declared rectangle).

use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, open_workbook_from_rs};

use crate::said::{NAMED, Note, Place, SheetError, Shown};
use crate::{MAX_CELL_CHARS, MAX_COLS, MAX_INFLATED, MAX_ROWS, SheetText, number};

/// A sheet of a workbook: its name, and whether Excel hides it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetInfo {
    pub name: String,
    pub hidden: bool,
}

/// The total size of a zip's entries once inflated, as its directory declares them.
fn inflated(bytes: &[u8]) -> Result<u64, SheetError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| SheetError::NotAWorkbook)?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|_| SheetError::NotAWorkbook)?;
        total = total.saturating_add(entry.size());
    }
    Ok(total)
}

pub(crate) fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, SheetError> {
    let size = inflated(bytes)?;
    if size > MAX_INFLATED {
        return Err(SheetError::InflatedTooLarge {
            mb: size >> 20,
            max_mb: MAX_INFLATED >> 20,
        });
    }
    open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| SheetError::NotAWorkbook)
}

/// The worksheets of a workbook, in order (chart sheets left out).
pub fn sheets(bytes: &[u8]) -> Result<Vec<SheetInfo>, SheetError> {
    Ok(open(bytes)?
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| SheetInfo {
            name: s.name.clone(),
            hidden: s.visible != SheetVisible::Visible,
        })
        .collect())
}

/// The attributes of an XML element, keys as written (`r:id`) and values raw (the names and ids
/// looked up here have no entities).
fn attributes(e: &quick_xml::events::BytesStart<'_>) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .map(|a| (a.key.as_ref().to_owned(), a.value.to_string()))
        .collect()
}

/// Calls `each` with the attributes of every element of a zip entry named `element`.
fn each_element(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    entry: &str,
    element: &str,
    mut each: impl FnMut(&[(String, String)]),
) -> Option<()> {
    use quick_xml::events::Event;
    let file = zip.by_name(entry).ok()?;
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(file));
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == element => {
                each(&attributes(&e));
            }
            Event::Eof => return Some(()),
            _ => {}
        }
        buf.clear();
    }
}

/// What a sheet's XML holds anywhere, found in one reading of its bytes (inflated, not parsed):
/// the readings of its XML element by element that would find nothing are not made (at 100,000
/// rows each such reading is as long as the reading of the cells). Each is true where the XML
/// cannot be read: the caller then reads it in full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Holds {
    /// `hidden=`: a row Excel hides (or a column).
    hidden: bool,
    /// `mergeCell`: a merged region.
    merged: bool,
    /// A formula element (`<f>`, `<f t="shared" …/>`, `<x:f>`).
    formulas: bool,
}

impl Holds {
    const ALL: Holds = Holds {
        hidden: true,
        merged: true,
        formulas: true,
    };
}

/// Whether `text` (a block of a sheet's XML) may start a formula element: an `f` after `<` or a
/// namespace's `:`, and before `>`, `/` or a space. Another element's text or attribute could
/// look so too; the caller then reads the cells' formulas for nothing, never the other way. An
/// `f` that ends the block is left for the next, which starts with it.
fn formula_in(text: &[u8]) -> bool {
    memchr::memchr_iter(b'f', text).any(|i| {
        matches!(text.get(i.wrapping_sub(1)), Some(b'<' | b':'))
            && matches!(
                text.get(i + 1),
                Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
            )
    })
}

/// [`Holds`] of the zip entry `entry`, read in blocks, each searched with the end of the one
/// before it.
fn holds(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, entry: &str) -> Holds {
    use std::io::Read;
    let Ok(mut file) = zip.by_name(entry) else {
        return Holds::ALL;
    };
    let hidden = memchr::memmem::Finder::new(b"hidden=");
    let merged = memchr::memmem::Finder::new(b"mergeCell");
    // The longest needle less one: a match across two blocks is whole in the second.
    let overlap = 8;
    let mut found = Holds {
        hidden: false,
        merged: false,
        formulas: false,
    };
    let mut block = vec![0u8; 1 << 16];
    let mut kept = 0;
    loop {
        let Some(free) = block.get_mut(kept..) else {
            return Holds::ALL;
        };
        let read = match file.read(free) {
            Ok(0) => return found,
            Ok(n) => n,
            Err(_) => return Holds::ALL,
        };
        let end = kept + read;
        let Some(text) = block.get(..end) else {
            return Holds::ALL;
        };
        found.hidden |= hidden.find(text).is_some();
        found.merged |= merged.find(text).is_some();
        found.formulas |= formula_in(text);
        if found == Holds::ALL {
            return found;
        }
        kept = overlap.min(end);
        block.copy_within(end - kept..end, 0);
    }
}

/// The zip entry of the sheet `name` (found through the workbook and its relationships).
fn sheet_entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let value = |attrs: &[(String, String)], key: &dyn Fn(&str) -> bool| {
        attrs.iter().find(|(k, _)| key(k)).map(|(_, v)| v.clone())
    };
    let mut id = None;
    each_element(zip, "xl/workbook.xml", "sheet", |attrs| {
        if value(attrs, &|k| k == "name").as_deref() == Some(name) {
            id = value(attrs, &|k| k.ends_with(":id"));
        }
    });
    let id = id?;
    let mut target = None;
    each_element(zip, "xl/_rels/workbook.xml.rels", "Relationship", |attrs| {
        if value(attrs, &|k| k == "Id").as_deref() == Some(id.as_str()) {
            target = value(attrs, &|k| k == "Target");
        }
    });
    let target = target?;
    Some(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    })
}

/// What the sheet `name`'s XML holds, and the rows (from 1) that Excel hides in it. Where its
/// entry cannot be found, every reading is made, and no row is said hidden: the sheet's cells are
/// read all the same.
fn scan(bytes: &[u8], name: &str) -> (Holds, Vec<u32>) {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return (Holds::ALL, Vec::new());
    };
    let Some(path) = sheet_entry(&mut zip, name) else {
        return (Holds::ALL, Vec::new());
    };
    let held = holds(&mut zip, &path);
    let mut rows = Vec::new();
    if held.hidden {
        each_element(&mut zip, &path, "row", |attrs| {
            let at = |key: &str| {
                attrs
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.as_str())
            };
            if matches!(at("hidden"), Some("1" | "true"))
                && let Some(r) = at("r").and_then(|r| r.parse().ok())
            {
                rows.push(r);
            }
        });
    }
    (held, rows)
}

/// Whether an Excel number format shows a percent (a `%` outside quotes and brackets).
fn percent_format(code: &str) -> bool {
    let (mut quoted, mut bracket) = (false, false);
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            '%' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// A date serial as Excel shows it: 2026-03-01, with the time where it has one.
fn date(serial: f64, is_1904: bool) -> String {
    let days = serial.floor() as i64 + if is_1904 { 1462 } else { 0 };
    // Day 60 is Excel's 1900-02-29, which did not exist; serials count from 1899-12-30 after it.
    let days = if days < 60 { days + 1 } else { days };
    // Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let seconds = ((serial - serial.floor()) * 86_400.0).round() as i64;
    if seconds == 0 {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!(
            "{year:04}-{month:02}-{day:02} {:02}:{:02}",
            seconds / 3600,
            seconds % 3600 / 60
        )
    }
}

/// How many decimals an Excel number format shows a number to, where it shows a plain number to
/// a fixed count ("0.0" → 1, "#,##0.00" → 2, "0" → 0); `None` for "General", a percent, a
/// date, a time, text or anything else. The built-in formats 1–4 by their ids.
fn fixed_decimals(id: Option<u32>, code: &str) -> Option<usize> {
    match id {
        Some(1 | 3) => return Some(0),
        Some(2 | 4) => return Some(2),
        _ => {}
    }
    // The positive section, without its quoted text and bracketed colours or conditions.
    let section = code.split(';').next()?;
    let mut plain = String::new();
    let (mut quoted, mut bracket) = (false, false);
    for ch in section.chars() {
        match ch {
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            _ if quoted || bracket => {}
            _ => plain.push(ch),
        }
    }
    let placeholders = |t: &str| t.chars().filter(|c| matches!(c, '0' | '#')).count();
    if plain.is_empty()
        || plain
            .chars()
            .any(|c| c == '%' || c == '@' || c.is_ascii_alphabetic())
        || placeholders(&plain) == 0
    {
        return None;
    }
    Some(
        plain
            .split_once('.')
            .map_or(0, |(_, after)| placeholders(after)),
    )
}

/// A cell as Excel shows it in its own format, for the formats a list uses.
fn shown(value: &DataRef<'_>, percent: bool, is_1904: bool) -> String {
    match value {
        DataRef::Float(v) if percent => format!("{}%", number(v * 100.0)),
        DataRef::Int(v) if percent => format!("{}%", number(*v as f64 * 100.0)),
        DataRef::Float(v) => number(*v),
        DataRef::Int(v) => v.to_string(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(true) => "TRUE".into(),
        DataRef::Bool(false) => "FALSE".into(),
        DataRef::DateTime(d) if d.is_datetime() => date(d.as_f64(), is_1904),
        DataRef::DateTime(d) => number(d.as_f64()),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// The place of the cell at row `r` and column `c` of a workbook (both from 0, as calamine gives
/// them): rows numbered from 1, as Excel numbers them.
fn place(r: u32, c: u32) -> Place {
    Place {
        row: r as usize + 1,
        column: c as usize,
    }
}

/// The place of the cell at (`r`, `c`) of the sheet `name`, or its refusal where it is out of the
/// rows or columns read (a sheet's cells are read one by one: the first out of bounds stops the
/// reading).
fn in_bounds(name: &str, r: u32, c: u32) -> Result<Place, SheetError> {
    let at = place(r, c);
    if r as usize >= MAX_ROWS {
        return Err(SheetError::TooManyRows {
            sheet: Some(name.to_owned()),
            at: Some(at),
        });
    }
    if c as usize >= MAX_COLS {
        return Err(SheetError::TooManyColumns {
            sheet: Some(name.to_owned()),
            at,
            found: None,
        });
    }
    Ok(at)
}

/// The cells of the sheet `name`, as Excel shows them, from its first filled row.
pub fn read_sheet(bytes: &[u8], name: &str) -> Result<SheetText, SheetError> {
    let mut book = open(bytes)?;
    let sheet = || Some(name.to_owned());
    let unreadable = |_: calamine::XlsxError| SheetError::SheetUnreadable {
        sheet: name.to_owned(),
    };
    if !book.sheet_names().iter().any(|n| n == name) {
        return Err(SheetError::NoSuchSheet {
            sheet: name.to_owned(),
        });
    }
    let is_1904 = book.has_1904_epoch();
    let (holds, hidden) = scan(bytes, name);
    // Cells that show fewer decimals than they hold ("89.2" holding 89.16666…): read as they
    // hold (what Excel computes with), and said, each by its place, before 导入.
    let mut shown_otherwise: Vec<Shown> = Vec::new();
    let mut shown_count = 0;
    let mut filled: Vec<((u32, u32), String)> = Vec::new();
    {
        let mut cells = book.worksheet_cells_reader(name).map_err(unreadable)?;
        // Whether each style shows a percent, and to how many decimals it shows a plain number:
        // its number format.
        let styles: Vec<(bool, Option<usize>)> = cells
            .styles()
            .iter()
            .map(|s| match s.number_format.as_ref() {
                Some(f) => (
                    matches!(f.format_id, Some(9 | 10)) || percent_format(&f.format_code),
                    fixed_decimals(f.format_id, &f.format_code),
                ),
                None => (false, None),
            })
            .collect();
        while let Some((cell, style)) = cells.next_cell_with_style_id().map_err(unreadable)? {
            let (r, c) = cell.get_position();
            let value = cell.get_value();
            let at = in_bounds(name, r, c)?;
            if *value == DataRef::Empty {
                continue;
            }
            let (percent, decimals) = styles.get(style).copied().unwrap_or((false, None));
            let text = shown(value, percent, is_1904);
            if let (DataRef::Float(v), false, Some(decimals)) = (value, percent, decimals) {
                let display = format!("{v:.decimals$}");
                if display.parse::<f64>().ok() != Some(*v) {
                    shown_count += 1;
                    if shown_otherwise.len() < NAMED {
                        shown_otherwise.push(Shown {
                            at,
                            shown: display,
                            held: text.clone(),
                        });
                    }
                }
            }
            if text.encode_utf16().count() > MAX_CELL_CHARS {
                return Err(SheetError::CellTooLong { sheet: sheet(), at });
            }
            filled.push(((r, c), text));
        }
    }
    // Formula cells without a saved result: (column, row) of each, named in the refusal. Read
    // again only where the sheet has a formula.
    let mut unsaved: Vec<Place> = Vec::new();
    if holds.formulas {
        let mut cells = book.worksheet_cells_reader(name).map_err(unreadable)?;
        while let Some(cell) = cells
            .next_cell_with_formula_metadata()
            .map_err(unreadable)?
        {
            if cell.value == DataRef::Empty && cell.formula.is_some() {
                unsaved.push(place(cell.pos.0, cell.pos.1));
            }
        }
    }
    if !unsaved.is_empty() {
        return Err(unsaved_formulas(name, &unsaved));
    }
    let mut notes = Vec::new();
    if !shown_otherwise.is_empty() {
        notes.push(Note::ShownOtherwise {
            cells: shown_otherwise,
            count: shown_count,
        });
    }
    // A cell merged down a column (a category over several rows) fills each row it covers.
    let merged = match holds.merged {
        true => book.merge_cells_by_sheet_name(name).unwrap_or_default(),
        false => Vec::new(),
    };
    filled.sort_by_key(|(pos, _)| *pos);
    for region in merged {
        let ((r0, c0), (r1, c1)) = (region.start, region.end);
        if c0 != c1 || r1 <= r0 || r1 as usize >= MAX_ROWS {
            continue;
        }
        let Ok(at) = filled.binary_search_by_key(&(r0, c0), |(pos, _)| *pos) else {
            continue;
        };
        let value = filled[at].1.clone();
        for r in r0 + 1..=r1 {
            if let Err(slot) = filled.binary_search_by_key(&(r, c0), |(pos, _)| *pos) {
                filled.insert(slot, ((r, c0), value.clone()));
            }
        }
        notes.push(Note::MergedFilled {
            from: place(r0, c0),
            to: place(r1, c1),
            text: value,
        });
    }
    if !hidden.is_empty() {
        notes.push(Note::HiddenRows {
            rows: hidden.iter().take(NAMED).map(|r| *r as usize).collect(),
            count: hidden.len(),
        });
    }
    let Some(top) = filled.iter().map(|((r, _), _)| *r).min() else {
        return Ok(SheetText {
            first_row: 1,
            rows: Vec::new(),
            notes,
        });
    };
    let height = filled.iter().map(|((r, _), _)| *r).max().unwrap_or(top) - top + 1;
    let mut rows = vec![Vec::new(); height as usize];
    for ((r, c), text) in filled {
        if let Some(row) = rows.get_mut((r - top) as usize) {
            if row.len() <= c as usize {
                row.resize(c as usize + 1, String::new());
            }
            row[c as usize] = text;
        }
    }
    Ok(SheetText {
        first_row: top as usize + 1,
        rows,
        notes,
    })
}

/// The refusal of a sheet whose formula cells have no saved result: the first [`NAMED`] cells,
/// and where there are more, how many in each column, in the order they were met.
fn unsaved_formulas(sheet: &str, cells: &[Place]) -> SheetError {
    let mut by_column: Vec<(usize, usize)> = Vec::new();
    if cells.len() > NAMED {
        for place in cells {
            match by_column.iter_mut().find(|(col, _)| *col == place.column) {
                Some((_, n)) => *n += 1,
                None => by_column.push((place.column, 1)),
            }
        }
    }
    SheetError::UnsavedFormulas {
        sheet: sheet.to_owned(),
        cells: cells.iter().take(NAMED).copied().collect(),
        by_column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{Format, Formula, Workbook};

    fn rows(sheet: &SheetText) -> Vec<Vec<&str>> {
        sheet
            .rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn a_number_shown_to_fewer_decimals_than_it_holds_is_read_as_held_and_said() {
        // A clerk's 汇总表: 综合评分 computed as an average and shown to one decimal; a score
        // typed as 92 shown to two (92.00: nothing hidden); a whole-number format hiding a half.
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let one = Format::new().set_num_format("0.0");
        let two = Format::new().set_num_format("#,##0.00");
        let whole = Format::new().set_num_format("0");
        sheet.write_string(0, 0, "组织名称").unwrap();
        sheet.write_string(0, 1, "党委评定").unwrap();
        sheet.write_string(0, 2, "综合评分").unwrap();
        sheet.write_string(1, 0, "红星村党支部").unwrap();
        sheet.write_number_with_format(1, 1, 92.0, &two).unwrap();
        sheet
            .write_number_with_format(1, 2, 267.5 / 3.0, &one)
            .unwrap();
        sheet.write_string(2, 0, "东风村党支部").unwrap();
        sheet.write_number_with_format(2, 1, 88.5, &whole).unwrap();
        sheet.write_number_with_format(2, 2, 88.5, &one).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let read = read_sheet(&bytes, "Sheet1").unwrap();
        // Read as held, to the 15 significant digits Excel keeps, not as shown.
        assert_eq!(read.rows[1][2], "89.1666666666667");
        assert_eq!(read.rows[2][1], "88.5");
        let Some(Note::ShownOtherwise { cells, count }) = read
            .notes
            .iter()
            .find(|n| matches!(n, Note::ShownOtherwise { .. }))
        else {
            panic!("{:?}", read.notes)
        };
        // C2 shows 89.2 and holds 89.1666…; B3 shows 88 (or 89: half) and holds 88.5; B2 and C3
        // show what they hold.
        assert_eq!(*count, 2);
        let at: Vec<Place> = cells.iter().map(|c| c.at).collect();
        assert_eq!(
            at,
            [Place { row: 2, column: 2 }, Place { row: 3, column: 1 }]
        );
        assert_eq!(cells[0].shown, "89.2");
        assert!(cells[0].held.starts_with("89.1666"), "{:?}", cells[0]);
        assert!(
            cells[1].shown.starts_with('8') && cells[1].held == "88.5",
            "{:?}",
            cells[1]
        );
    }

    #[test]
    fn the_decimals_a_number_format_shows() {
        assert_eq!(fixed_decimals(Some(2), ""), Some(2));
        assert_eq!(fixed_decimals(None, "0.0"), Some(1));
        assert_eq!(fixed_decimals(None, "#,##0.000;[Red]-#,##0.000"), Some(3));
        assert_eq!(fixed_decimals(None, "0\"分\""), Some(0));
        assert_eq!(fixed_decimals(None, "General"), None);
        assert_eq!(fixed_decimals(None, "0.0%"), None);
        assert_eq!(fixed_decimals(None, "yyyy-mm-dd"), None);
        assert_eq!(fixed_decimals(None, "@"), None);
    }

    #[test]
    fn percents_dates_and_merged_categories_read_as_excel_shows_them() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let percent = Format::new().set_num_format("0%");
        let date_format = Format::new().set_num_format("yyyy-mm-dd");
        sheet.write_string(0, 0, "名称").unwrap();
        sheet.write_string(0, 1, "分类").unwrap();
        sheet.write_string(0, 2, "党委评定").unwrap();
        sheet.write_string(0, 3, "日期").unwrap();
        for (r, name) in [(1, "甲村"), (2, "乙村"), (3, "丙社区")] {
            sheet.write_string(r, 0, name).unwrap();
        }
        sheet.merge_range(1, 1, 2, 1, "村", &Format::new()).unwrap();
        sheet.write_string(3, 1, "社区").unwrap();
        sheet
            .write_number_with_format(1, 2, 0.92, &percent)
            .unwrap();
        sheet
            .write_number_with_format(2, 2, 0.855, &Format::new().set_num_format("0.0%"))
            .unwrap();
        sheet.write_number(3, 2, 88.0).unwrap();
        sheet
            .write_number_with_format(1, 3, 46082.0, &date_format)
            .unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let read = read_sheet(&bytes, "Sheet1").unwrap();
        assert_eq!(
            rows(&read),
            [
                vec!["名称", "分类", "党委评定", "日期"],
                vec!["甲村", "村", "92%", "2026-03-01"],
                vec!["乙村", "村", "85.5%"],
                vec!["丙社区", "社区", "88"],
            ]
        );
        assert!(
            read.notes
                .iter()
                .any(|n| matches!(n, Note::MergedFilled { from, to, .. }
                if *from == Place { row: 2, column: 1 } && *to == Place { row: 3, column: 1 })),
            "{:?}",
            read.notes
        );
    }

    #[test]
    fn a_formula_without_a_saved_result_is_named_and_one_with_reads_its_result() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "名称").unwrap();
        sheet.write_string(0, 1, "合计").unwrap();
        sheet.write_number(1, 0, 40.0).unwrap();
        sheet
            .write_formula(1, 1, Formula::new("=A2*2").set_result("80"))
            .unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert_eq!(
            rows(&read_sheet(&bytes, "Sheet1").unwrap())[1],
            ["40", "80"]
        );
        let without = strip_results(&bytes);
        let e = read_sheet(&without, "Sheet1").unwrap_err();
        assert_eq!(
            e,
            SheetError::UnsavedFormulas {
                sheet: "Sheet1".into(),
                cells: vec![Place { row: 2, column: 1 }],
                by_column: Vec::new(),
            }
        );
    }

    /// The workbook with every formula's saved result taken out, as some programs write it.
    pub(crate) fn strip_results(bytes: &[u8]) -> Vec<u8> {
        rewrite_sheets(bytes, |text| {
            let mut cut = String::new();
            let mut rest = text;
            while let Some(at) = rest.find("</f><v>") {
                let end = rest[at..].find("</v>").unwrap() + at + 4;
                cut.push_str(&rest[..at + 4]);
                rest = &rest[end..];
            }
            cut.push_str(rest);
            cut
        })
    }

    /// The workbook with each worksheet's XML as `rewrite` makes it.
    pub(crate) fn rewrite_sheets(bytes: &[u8], rewrite: impl Fn(&str) -> String) -> Vec<u8> {
        use std::io::{Read, Write};
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let name = entry.name().unwrap().into_owned();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            if name.starts_with("xl/worksheets/") {
                data = rewrite(&String::from_utf8(data).unwrap()).into_bytes();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&data).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn a_formula_element_is_found_in_any_of_its_forms_and_cells_without_one_are_not_taken_for_it() {
        for xml in [
            r#"<c r="B2"><f>SUM(A1:A9)</f><v>3</v></c>"#,
            r#"<c r="B3"><f t="shared" ref="B3:B9" si="0">A3*2</f></c>"#,
            r#"<c r="B4"><f t="shared" si="0"/></c>"#,
            r#"<x:c r="B5"><x:f>A5</x:f></x:c>"#,
            "<c r=\"B6\"><f\nt=\"array\">A6</f></c>",
        ] {
            assert!(formula_in(xml.as_bytes()), "{xml}");
        }
        for xml in [
            r#"<sheetFormatPr defaultRowHeight="15"/><c r="F2" s="1" t="s"><v>7</v></c>"#,
            r#"<c r="A2" t="inlineStr"><is><t>f of</t></is></c>"#,
            "<c r=\"A3\"><v>3</v></c><",
        ] {
            assert!(!formula_in(xml.as_bytes()), "{xml}");
        }
    }

    #[test]
    fn hidden_rows_are_read_and_named() {
        let mut book = Workbook::new();
        book.add_worksheet().set_name("说明").unwrap();
        let sheet = book.add_worksheet().set_name("名单").unwrap();
        for r in 0..4 {
            sheet.write_string(r, 0, format!("第{r}行")).unwrap();
        }
        sheet.set_row_hidden(2).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let read = read_sheet(&bytes, "名单").unwrap();
        assert_eq!(read.rows.len(), 4, "a hidden row is read");
        assert_eq!(
            read.notes,
            [Note::HiddenRows {
                rows: vec![3],
                count: 1
            }]
        );
        assert!(read_sheet(&bytes, "说明").unwrap().notes.is_empty());
    }

    #[test]
    fn a_row_hidden_far_down_a_long_sheet_is_found() {
        // The sheet's XML is searched for `hidden=` in blocks of 64 KiB before it is read
        // element by element: a row hidden past the first blocks is still named.
        let mut book = Workbook::new();
        let sheet = book.add_worksheet().set_name("名单").unwrap();
        for r in 0..6000 {
            sheet.write_string(r, 0, format!("第{r}行党支部")).unwrap();
            sheet.write_number(r, 1, f64::from(r)).unwrap();
        }
        sheet.set_row_hidden(5990).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let read = read_sheet(&bytes, "名单").unwrap();
        assert_eq!(
            read.notes,
            [Note::HiddenRows {
                rows: vec![5991],
                count: 1
            }]
        );
    }

    #[test]
    fn hidden_sheets_are_named_as_hidden() {
        let mut book = Workbook::new();
        book.add_worksheet().set_name("名单").unwrap();
        book.add_worksheet()
            .set_name("草稿")
            .unwrap()
            .set_hidden(true);
        let bytes = book.save_to_buffer().unwrap();
        assert_eq!(
            sheets(&bytes).unwrap(),
            [
                SheetInfo {
                    name: "名单".into(),
                    hidden: false
                },
                SheetInfo {
                    name: "草稿".into(),
                    hidden: true
                },
            ]
        );
    }

    #[test]
    fn a_cell_far_out_is_refused_without_sizing_the_sheet_to_it() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "名称").unwrap();
        sheet.write_string(1_000_000, 300, "远").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let e = read_sheet(&bytes, "Sheet1").unwrap_err();
        // The first cell past the bounds, by its place (row 1,000,001 is within Excel's rows;
        // column 301 = KO is past 256).
        assert!(
            matches!(&e, SheetError::TooManyColumns { sheet: Some(s), at: p, .. }
                if s == "Sheet1" && p.row == 1_000_001 && p.column == 300),
            "{e:?}"
        );
        // Past Excel's last row (1,048,576), in a workbook another program wrote without
        // checking: refused by its row, named where it is.
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "名称").unwrap();
        sheet.write_string(1_000_000, 0, "远").unwrap();
        let past = rewrite_sheets(&book.save_to_buffer().unwrap(), |xml| {
            xml.replace("\"1000001\"", "\"2000001\"")
                .replace("\"A1000001\"", "\"A2000001\"")
        });
        let e = read_sheet(&past, "Sheet1").unwrap_err();
        assert!(
            matches!(&e, SheetError::TooManyRows { sheet: Some(s), at: Some(p) }
                if s == "Sheet1" && p.row == 2_000_001 && p.column == 0),
            "{e:?}"
        );
    }

    #[test]
    fn percent_formats_are_told_from_literal_percent_signs() {
        assert!(percent_format("0%"));
        assert!(percent_format("0.00%"));
        assert!(!percent_format("0\"%\""));
        assert!(!percent_format("[Red]0.00"));
        assert!(!percent_format("General"));
    }

    #[test]
    fn dates_match_excel_serials() {
        assert_eq!(date(1.0, false), "1900-01-01");
        assert_eq!(date(61.0, false), "1900-03-01");
        assert_eq!(date(45658.5, false), "2025-01-01 12:00");
        assert_eq!(date(0.0, true), "1904-01-01");
    }

    #[test]
    fn every_formula_cell_without_its_result_is_named_then_counted_by_column() {
        let place = |column, row| Place { row, column };
        let few = [place(1, 2), place(1, 3), place(3, 2)];
        assert_eq!(
            unsaved_formulas("名单", &few),
            SheetError::UnsavedFormulas {
                sheet: "名单".into(),
                cells: few.to_vec(),
                by_column: Vec::new()
            }
        );
        // Eleven or more: the first ten, and by column, in the order met.
        let mut many: Vec<Place> = (2..14).map(|r| place(1, r)).collect();
        many.extend((2..5).map(|r| place(3, r)));
        let SheetError::UnsavedFormulas {
            cells, by_column, ..
        } = unsaved_formulas("名单", &many)
        else {
            panic!()
        };
        assert_eq!(cells, many[..10]);
        assert_eq!(by_column, [(1, 12), (3, 3)]);
    }
}
