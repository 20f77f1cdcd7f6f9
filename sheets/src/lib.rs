//! Files in and out, for the list page: what a file is (read from its bytes, not its name), a
//! text file decoded and read as CSV (`text`), an Excel workbook's sheets read as Excel shows
//! them (`book`), and a workbook written from named sheets of cells. Pure functions over bytes,
//! tested natively; the app's `sheets` binary serves them to the page from a worker.
//!
//! Errors and notes are data, with where they are ([`said`]); the page writes the sentences.

mod book;
pub mod said;
mod text;

use rust_xlsxwriter::{Format, Workbook};

pub use book::{SheetInfo, read_sheet, sheets};
pub use said::{Note, Place, SheetError};
pub use text::{Encoding, decode, read_text};

/// The largest file read (bytes): a sheet of Excel's most rows, a dozen columns of names and
/// numbers, saved as CSV in UTF-8.
pub const MAX_FILE_BYTES: usize = 128 << 20;
/// The largest a workbook may be once inflated (bytes): a zip bomb is refused before it is read.
pub const MAX_INFLATED: u64 = 1 << 30;
/// The most rows a sheet or a text file may have: Excel's own limit (2²⁰).
pub const MAX_ROWS: usize = 1 << 20;
/// The most columns.
pub const MAX_COLS: usize = 256;
/// The most characters (UTF-16 units, as Excel counts) in a cell: Excel's own limit.
pub const MAX_CELL_CHARS: usize = 32_767;

/// What a file is, by its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A zip: an .xlsx workbook (whatever its name).
    Xlsx,
    /// An OLE compound file: an old .xls workbook (or another old Office file).
    Xls,
    /// Anything else is read as text.
    Text,
}

/// What `bytes` are.
pub fn kind(bytes: &[u8]) -> Kind {
    match bytes {
        [b'P', b'K', 3, 4, ..] => Kind::Xlsx,
        [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ..] => Kind::Xls,
        _ => Kind::Text,
    }
}

/// A file opened: a text file's one sheet and its encoding, or a workbook's sheets and, where
/// exactly one is visible, that sheet read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// The workbook's worksheets (none for a text file).
    pub sheets: Vec<SheetInfo>,
    /// The sheet read, when there is no choice to make.
    pub sheet: Option<SheetText>,
    /// The encoding a text file was read in.
    pub encoding: Option<Encoding>,
    /// Of a workbook with several visible sheets, the one read because it holds the list (the
    /// most rows with a name and a number), and how many such rows it has.
    pub chosen: Option<(String, usize)>,
}

/// How many rows of `sheet` look like an organization's: a cell of text (a name) and a cell
/// that reads as a number (a score, a count), and no 合计/总计/小计.
pub fn list_rows(sheet: &SheetText) -> usize {
    let totals = |c: &str| {
        let c: String = c.chars().filter(|c| !c.is_whitespace()).collect();
        matches!(c.as_str(), "合计" | "总计" | "小计")
    };
    let number = |c: &str| {
        let c = c.trim().trim_end_matches(['%', '分', '票']);
        !c.is_empty() && c.parse::<f64>().is_ok()
    };
    sheet
        .rows
        .iter()
        .filter(|r| {
            r.iter().any(|c| number(c))
                && r.iter().any(|c| !c.trim().is_empty() && !number(c))
                && !r.iter().any(|c| totals(c))
        })
        .count()
}

/// Whether an OLE compound file is an encrypted Office document (a workbook saved with a
/// password is one, whatever its name): its directory names the stream `EncryptedPackage`, in
/// UTF-16 LE as the format writes names.
fn encrypted(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// A file of `size` bytes refused for its size, before anything of it is read: the page asks
/// this of a file chosen, so that a file of gigabytes is not read into memory to be refused.
pub fn too_large(size: u64) -> Option<SheetError> {
    (size > MAX_FILE_BYTES as u64).then_some(SheetError::FileTooLarge {
        mb: usize::try_from(size >> 20).unwrap_or(usize::MAX),
        max_mb: MAX_FILE_BYTES >> 20,
    })
}

/// Opens a file of any kind the list imports; `encoding` applies to a text file. A file named as
/// a workbook (`named_workbook`: .xlsx, .xlsm) whose bytes are not one is a damaged workbook, not
/// text; any other name is read for what its bytes are.
pub fn open_file(
    bytes: &[u8],
    encoding: Encoding,
    named_workbook: bool,
) -> Result<Opened, SheetError> {
    if let Some(why) = too_large(bytes.len() as u64) {
        return Err(why);
    }
    match kind(bytes) {
        Kind::Xls if encrypted(bytes) => Err(SheetError::Encrypted),
        Kind::Xls => Err(SheetError::OldExcel),
        Kind::Xlsx => {
            let sheets = sheets(bytes)?;
            if sheets.is_empty() {
                return Err(SheetError::NoWorksheets);
            }
            let visible: Vec<&SheetInfo> = sheets.iter().filter(|s| !s.hidden).collect();
            // Several sheets: the one that holds the list is read first, and the user may pick
            // another.
            if visible.len() > 1 {
                let mut best: Option<(SheetText, String, usize)> = None;
                for info in &visible {
                    let Ok(sheet) = read_sheet(bytes, &info.name) else {
                        continue;
                    };
                    let rows = list_rows(&sheet);
                    if best.as_ref().is_none_or(|(_, _, most)| rows > *most) {
                        best = Some((sheet, info.name.clone(), rows));
                    }
                }
                let others = visible.len() - 1;
                let (sheet, chosen) = match best {
                    Some((mut sheet, name, rows)) if rows > 0 => {
                        sheet.notes.insert(
                            0,
                            Note::ChosenSheet {
                                sheet: name.clone(),
                                rows,
                                sheets: others + 1,
                            },
                        );
                        (Some(sheet), Some((name, rows)))
                    }
                    _ => (None, None),
                };
                return Ok(Opened {
                    sheets,
                    sheet,
                    encoding: None,
                    chosen,
                });
            }
            let sheet = match visible.as_slice() {
                [only] => {
                    let mut sheet = read_sheet(bytes, &only.name)?;
                    let hidden: Vec<String> = sheets
                        .iter()
                        .filter(|s| s.hidden)
                        .map(|s| s.name.clone())
                        .collect();
                    if !hidden.is_empty() {
                        sheet.notes.push(Note::HiddenSheets { sheets: hidden });
                    }
                    Some(sheet)
                }
                _ => None,
            };
            Ok(Opened {
                sheets,
                sheet,
                encoding: None,
                chosen: None,
            })
        }
        Kind::Text if named_workbook => Err(SheetError::NotAWorkbook),
        Kind::Text => {
            let (text, encoding) = decode(bytes, encoding)?;
            Ok(Opened {
                sheets: Vec::new(),
                sheet: Some(read_text(&text)?),
                encoding: Some(encoding),
                chosen: None,
            })
        }
    }
}

/// The names of the worksheets of an .xlsx file, in order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, SheetError> {
    Ok(sheets(bytes)?.into_iter().map(|s| s.name).collect())
}

/// One sheet read: the row number (from 1, as Excel numbers rows) of the first of `rows`, the
/// rows, each cell as text, column A first, and what was done to read it (merged cells filled).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetText {
    pub first_row: usize,
    pub rows: Vec<Vec<String>>,
    pub notes: Vec<Note>,
}

/// The spreadsheet's name of column `j` (from 0): A, B, … Z, AA, AB …
pub fn column_letter(j: usize) -> String {
    let mut n = j + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// `value` to 15 significant digits, trailing zeros dropped.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value == 0.0 {
        return "0".into();
    }
    // The shortest text that reads back as `value` is that rounding where it has 15 significant
    // digits or fewer (the rounding moves a value by at most half a unit of its 15th digit, more
    // than a double's own spacing): so for a score or a count, without the exact digits below.
    let shortest = value.to_string();
    // Its significant digits: without the sign, the point, and the zeros before and after them.
    let significant = shortest
        .trim_start_matches(['-', '0', '.'])
        .trim_end_matches(['0', '.'])
        .bytes()
        .filter(u8::is_ascii_digit)
        .count();
    if significant <= 15 {
        return shortest;
    }
    to_15_digits(value)
}

/// A finite, non-zero `value` rounded to 15 significant digits, from its exact digits.
fn to_15_digits(value: f64) -> String {
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (14 - magnitude).clamp(0, 30) as usize;
    let mut s = format!("{value:.decimals$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" { "0".into() } else { s }
}

/// A cell to write.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Cell {
    /// Text, written as text (a leading `=`, `+`, `-` or `@` is kept as text with Excel's quote
    /// prefix, so that it can never become a formula).
    Text(String),
    /// A number as the page shows it, written as a number shown with `decimals` decimals.
    Number { text: String, decimals: u32 },
}

impl Cell {
    /// A number cell of `value` shown with `decimals` decimals (`value` is already rounded).
    pub fn number(value: rust_decimal::Decimal, decimals: u32) -> Cell {
        Cell::Number {
            text: format!("{:.prec$}", value, prec = decimals as usize),
            decimals,
        }
    }

    /// The text of the cell, as the page shows it.
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(t) | Cell::Number { text: t, .. } => t,
        }
    }
}

/// Whether a spreadsheet would take a typed `text` for a formula: it starts with `=`, `+`, `-`
/// or `@`, or with their full-width forms `＝＋－＠` (which a Chinese input method types, and
/// which a spreadsheet may take for the ASCII ones). The one home of this test: the workbook
/// writer quotes such a cell, the CSV writer puts an apostrophe before it.
pub fn formula_like(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠'])
}

/// A workbook of the named sheets, as the bytes of an .xlsx file. The first row of each sheet is
/// bold; the first sheet's first row and column stay in view when scrolling.
pub fn write_workbook(sheets: &[(String, Vec<Vec<Cell>>)]) -> Result<Vec<u8>, SheetError> {
    let failed = |_: rust_xlsxwriter::XlsxError| SheetError::NotWritten;
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let quoted = Format::new().set_quote_prefix();
    let formats: Vec<Format> = (0..=6u32)
        .map(|d| {
            Format::new().set_num_format(if d == 0 {
                "0".to_owned()
            } else {
                format!("0.{}", "0".repeat(d as usize))
            })
        })
        .collect();
    for (s, (name, rows)) in sheets.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(name).map_err(failed)?;
        let mut widths: Vec<usize> = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let r = u32::try_from(r).map_err(|_| SheetError::NotWritten)?;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|_| SheetError::NotWritten)?;
                let shown = match cell {
                    Cell::Text(t) if r == 0 => {
                        sheet.write_string_with_format(r, c, t, &bold).map(|_| t)
                    }
                    Cell::Text(t) if formula_like(t) => {
                        sheet.write_string_with_format(r, c, t, &quoted).map(|_| t)
                    }
                    Cell::Text(t) => sheet.write_string(r, c, t).map(|_| t),
                    Cell::Number { text, decimals } => {
                        let value: f64 = text.parse().map_err(|_| SheetError::NotWritten)?;
                        let format = formats.get(*decimals as usize).unwrap_or(&bold);
                        sheet
                            .write_number_with_format(r, c, value, format)
                            .map(|_| text)
                    }
                }
                .map_err(failed)?;
                // Chinese characters are about two columns wide.
                let width: usize = shown
                    .chars()
                    .map(|ch| if ch.is_ascii() { 1 } else { 2 })
                    .sum();
                let slot = c as usize;
                if widths.len() <= slot {
                    widths.resize(slot + 1, 0);
                }
                if let Some(w) = widths.get_mut(slot) {
                    *w = (*w).max(width);
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet
                .set_column_width(c, (*w).clamp(6, 40) as f64 + 2.0)
                .map_err(failed)?;
        }
        if s == 0 {
            sheet.set_freeze_panes(1, 1).map_err(failed)?;
        }
    }
    book.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Vec<u8> {
        let text = |s: &str| Cell::Text(s.to_owned());
        let n = |s: &str, d| Cell::Number {
            text: s.to_owned(),
            decimals: d,
        };
        write_workbook(&[
            (
                "结果".into(),
                vec![
                    vec![text("组织名称"), text("党委评定"), text("综合评分")],
                    vec![text("第一党支部"), n("85.5", 1), n("84.25", 2)],
                    vec![text("=HYPERLINK(\"x\")"), n("90", 0), n("100.00", 2)],
                ],
            ),
            ("汇总表".into(), vec![vec![text("合计")]]),
        ])
        .expect("written")
    }

    #[test]
    fn a_cell_is_formula_like_by_its_first_character_ascii_or_full_width() {
        for text in [
            "=1+1",
            "+86",
            "-1",
            "@SUM(A1)",
            "＝1＋1",
            "＋86",
            "－1",
            "＠SUM(A1)",
        ] {
            assert!(formula_like(text), "{text}");
        }
        for text in ["红星村", "1=1", "'=1", "（＝）", "", "—1"] {
            assert!(!formula_like(text), "{text}");
        }
    }

    #[test]
    fn a_written_workbook_reads_back_as_the_page_showed_it() {
        let bytes = book();
        assert_eq!(sheet_names(&bytes).unwrap(), ["结果", "汇总表"]);
        let sheet = read_sheet(&bytes, "结果").unwrap();
        assert_eq!(sheet.first_row, 1);
        assert_eq!(
            sheet.rows,
            [
                vec!["组织名称", "党委评定", "综合评分"],
                vec!["第一党支部", "85.5", "84.25"],
                // Text that looks like a formula stays text.
                vec!["=HYPERLINK(\"x\")", "90", "100"],
            ]
        );
    }

    #[test]
    fn what_a_file_is_is_read_from_its_bytes_not_its_name() {
        // A workbook under any name is a workbook.
        let opened = open_file(&book(), Encoding::Auto, false).unwrap();
        assert_eq!(opened.sheets.len(), 2);
        assert_eq!(opened.encoding, None);
        // An old .xls (an OLE file) is refused with what to do.
        let mut xls = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
        xls.resize(512, 0);
        let e = open_file(&xls, Encoding::Auto, false).unwrap_err();
        assert_eq!(e, SheetError::OldExcel);
        // Text named .xlsx is a damaged workbook; named anything else, it is text.
        let e = open_file("名称\n甲".as_bytes(), Encoding::Auto, true).unwrap_err();
        assert_eq!(e, SheetError::NotAWorkbook);
        let opened = open_file("名称\n甲".as_bytes(), Encoding::Auto, false).unwrap();
        assert_eq!(opened.sheet.unwrap().rows, [vec!["名称"], vec!["甲"]]);
        // Too large.
        let e = open_file(&vec![b'a'; MAX_FILE_BYTES + 1], Encoding::Auto, false).unwrap_err();
        assert_eq!(
            e,
            SheetError::FileTooLarge {
                mb: 128,
                max_mb: 128
            }
        );
        // The page asks by a file's size before reading it: 128 MB is read, a byte more is not,
        // and a file of 5 GB says so.
        assert_eq!(too_large(128 << 20), None);
        assert_eq!(
            too_large(5 << 30),
            Some(SheetError::FileTooLarge {
                mb: 5120,
                max_mb: 128
            })
        );
    }

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(25.500000000000004), "25.5");
        assert_eq!(number(85.0), "85");
        assert_eq!(number(-3.25), "-3.25");
        assert_eq!(number(1e-7), "0.0000001");
        assert_eq!(number(123456789012.5), "123456789012.5");
        assert_eq!(number(1e20), "100000000000000000000");
        assert_eq!(number(-0.0), "0");
    }

    #[test]
    fn the_shortest_reading_of_a_number_is_its_15_digit_rounding() {
        // Scores to 0.01 and 0.001, percents, counts, and values with every digit a double holds.
        let mut values: Vec<f64> = (0..200_000).map(|i| f64::from(i) / 100.0).collect();
        values.extend((0..20_000).map(|i| f64::from(i) / 1000.0 * 1.01));
        values.extend((1..2_000).map(|i| 1.0 / f64::from(i)));
        // Below 10^15: above, the exact digits give every digit of the integer, where Excel shows
        // 15 (in E notation) and the shortest text 15 and zeros.
        values.extend((0..60).map(|i| 1.7f64.powi(i) * 3.1));
        values.extend((-60..0).map(|i| 1.7f64.powi(i) * 3.1));
        values.extend([
            0.1 + 0.2,
            1e-7,
            2.0 / 3.0 * 100.0,
            89.166_666_666_666_67,
            0.875 * 0.35,
        ]);
        for v in values.into_iter().filter(|v| *v != 0.0) {
            for v in [v, -v] {
                assert_eq!(number(v), to_15_digits(v), "{v:?}");
            }
        }
    }

    #[test]
    fn a_file_that_is_not_a_workbook_is_reported() {
        let e = sheet_names(b"name,score\n").unwrap_err();
        assert_eq!(e, SheetError::NotAWorkbook);
        let e = read_sheet(&book(), "没有这张表").unwrap_err();
        assert_eq!(
            e,
            SheetError::NoSuchSheet {
                sheet: "没有这张表".into()
            }
        );
    }

    #[test]
    fn a_sheet_that_starts_lower_right_keeps_its_row_numbers_and_columns() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(2, 1, "名称").unwrap();
        sheet.write_number(3, 2, 7.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let read = read_sheet(&bytes, "Sheet1").unwrap();
        assert_eq!(read.first_row, 3);
        assert_eq!(read.rows, [vec!["", "名称"], vec!["", "", "7"]]);
    }

    #[test]
    fn of_several_sheets_the_one_that_holds_the_list_is_read_and_said_why() {
        let mut book = Workbook::new();
        book.add_worksheet()
            .set_name("说明")
            .unwrap()
            .write_string(0, 0, "本表为2026年度分类定级汇总表，请勿改动表头")
            .unwrap();
        let list = book.add_worksheet().set_name("名单").unwrap();
        for (r, (name, score)) in [
            ("组织名称", ""),
            ("红星村", "92"),
            ("光明村", "88"),
            ("镇机关", "85"),
        ]
        .into_iter()
        .enumerate()
        {
            let r = r as u32;
            list.write_string(r, 0, name).unwrap();
            if let Ok(n) = score.parse::<f64>() {
                list.write_number(r, 1, n).unwrap();
            } else {
                list.write_string(r, 1, "党委评定").unwrap();
            }
        }
        let draft = book.add_worksheet().set_name("草稿").unwrap();
        draft.write_string(0, 0, "旧").unwrap();
        draft.write_number(0, 1, 1.0).unwrap();
        draft.set_hidden(true);
        let bytes = book.save_to_buffer().unwrap();
        let opened = open_file(&bytes, Encoding::Auto, true).unwrap();
        assert_eq!(opened.chosen, Some(("名单".to_owned(), 3)));
        let sheet = opened.sheet.unwrap();
        assert_eq!(sheet.rows[1], ["红星村", "92"]);
        assert_eq!(
            sheet.notes[0],
            Note::ChosenSheet {
                sheet: "名单".into(),
                rows: 3,
                sheets: 2
            }
        );
    }

    #[test]
    fn a_workbook_with_a_password_is_named_so_not_called_an_old_xls() {
        // A workbook saved with a password is an OLE file holding the encrypted package.
        let mut bytes = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
        bytes.resize(1024, 0);
        bytes.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        bytes.extend([0; 36]);
        bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        bytes.resize(4096, 0);
        let e = open_file(&bytes, Encoding::Auto, true).unwrap_err();
        assert_eq!(e, SheetError::Encrypted);
    }

    #[test]
    fn a_workbook_without_a_worksheet_says_so() {
        let mut book = Workbook::new();
        let data = book.add_worksheet();
        data.write_number(0, 0, 1.0).unwrap();
        let mut chart = rust_xlsxwriter::Chart::new(rust_xlsxwriter::ChartType::Column);
        chart.add_series().set_values("Sheet1!$A$1:$A$1");
        let mut sheet = rust_xlsxwriter::Worksheet::new_chartsheet();
        sheet.insert_chart(0, 0, &chart).unwrap();
        book.push_worksheet(sheet);
        // The data sheet hidden and the chart alone in view is still a workbook with a
        // worksheet; one with no worksheet at all is made by removing it from the zip.
        let bytes = book.save_to_buffer().unwrap();
        let only_chart = without_worksheets(&bytes);
        let e = open_file(&only_chart, Encoding::Auto, true).unwrap_err();
        assert_eq!(e, SheetError::NoWorksheets);
    }

    /// `bytes` (an .xlsx) with its worksheets taken out of the workbook's list of sheets.
    fn without_worksheets(bytes: &[u8]) -> Vec<u8> {
        use std::io::{Read, Write};
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            let name = file.name().unwrap().into_owned();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            if name == "xl/workbook.xml" {
                let text = String::from_utf8(content).unwrap();
                let start = text.find("<sheet name=\"Sheet1\"").unwrap();
                let end = start + text[start..].find("/>").unwrap() + 2;
                content = format!("{}{}", &text[..start], &text[end..]).into_bytes();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&content).unwrap();
        }
        out.finish().unwrap().into_inner()
    }
}
