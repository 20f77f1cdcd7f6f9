//! The sheets worker's refusals and notes ([`dingji_sheets::said`]: data, with where each is) as
//! sentences in the page's language, each a pattern of the tools' strings by key: a place as
//! Excel names it (B12), a sheet by its name, a row by its number. What a file says is never
//! quoted in a refusal; a note quotes only a merged cell's own text (it is what was filled in).
//! In the tools' room: only the tools read files, so the pages' first loads carry none of this.

use dingji_rules::Lang;
use dingji_sheets::said::{NAMED, Note, Place, SheetError};
use dingji_sheets::{MAX_CELL_CHARS, MAX_COLS, MAX_ROWS, column_letter};

use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;

/// A cell as Excel names it: B12.
fn cell(p: Place) -> String {
    format!("{}{}", column_letter(p.column), p.row)
}

/// Any failure of a tool in `lang`: a file refused by the sheets worker in its own words, any
/// other as [`crate::wire::Error::message`] says it.
pub fn said(e: &crate::wire::Error, lang: Lang) -> String {
    match e {
        crate::wire::Error::Sheet(why) => error(why, lang),
        e => e.message(lang),
    }
}

/// Why the file was not read (or the workbook not written), in `lang`.
pub fn error(e: &SheetError, lang: Lang) -> String {
    let t = tool_strings(lang);
    let n = |n: &dyn ToString| n.to_string();
    match e {
        SheetError::FileTooLarge { mb, max_mb } => {
            fill(t.sheet_file_too_large(), &[&n(mb), &n(max_mb)])
        }
        SheetError::InflatedTooLarge { mb, max_mb } => {
            fill(t.sheet_inflated_too_large(), &[&n(mb), &n(max_mb)])
        }
        SheetError::Encrypted => t.sheet_encrypted().to_owned(),
        SheetError::OldExcel => t.sheet_old_excel().to_owned(),
        SheetError::NoWorksheets => t.sheet_no_worksheets().to_owned(),
        SheetError::NotAWorkbook => t.sheet_not_a_workbook().to_owned(),
        SheetError::NoSuchSheet { sheet } => fill(t.sheet_no_such_sheet(), &[sheet]),
        SheetError::SheetUnreadable { sheet } => fill(t.sheet_unreadable(), &[sheet]),
        SheetError::TooManyRows { sheet: Some(s), at } => {
            let at = at.map(|p| fill(t.sheet_filled_cell(), &[&cell(p)]));
            fill(
                t.sheet_too_many_rows(),
                &[s, &n(&MAX_ROWS), at.as_deref().unwrap_or_default()],
            )
        }
        SheetError::TooManyRows { sheet: None, .. } => {
            fill(t.file_too_many_rows(), &[&n(&MAX_ROWS)])
        }
        SheetError::TooManyColumns {
            sheet: Some(s), at, ..
        } => fill(t.sheet_too_many_columns(), &[s, &n(&MAX_COLS), &cell(*at)]),
        SheetError::TooManyColumns {
            sheet: None,
            at,
            found,
        } => fill(
            t.row_too_many_columns(),
            &[
                &n(&at.row),
                &n(&found.unwrap_or(at.column + 1)),
                &n(&MAX_COLS),
            ],
        ),
        SheetError::CellTooLong { sheet: Some(s), at } => fill(
            t.sheet_cell_too_long(),
            &[s, &cell(*at), &n(&MAX_CELL_CHARS)],
        ),
        SheetError::CellTooLong { sheet: None, at } => fill(
            t.row_cell_too_long(),
            &[&n(&at.row), &column_letter(at.column), &n(&MAX_CELL_CHARS)],
        ),
        SheetError::UnsavedFormulas {
            sheet,
            cells,
            by_column,
        } => {
            let places = if by_column.is_empty() {
                let named: Vec<String> = cells.iter().map(|p| cell(*p)).collect();
                fill(t.cells_named(), &[&named.join(t.list_separator())])
            } else {
                let named: Vec<String> = by_column
                    .iter()
                    .map(|(c, k)| fill(t.cells_in_column(), &[&column_letter(*c), &n(k)]))
                    .collect();
                fill(t.cells_by_column(), &[&named.join(t.list_separator())])
            };
            fill(t.sheet_unsaved_formulas(), &[sheet, &places])
        }
        SheetError::Utf16WithoutBom => t.file_utf16_without_bom().to_owned(),
        SheetError::NeitherUtf8NorGbk {
            utf8_line,
            gbk_line,
        } => fill(
            t.file_neither_utf8_nor_gbk(),
            &[&n(utf8_line), &n(gbk_line)],
        ),
        SheetError::BadBytes {
            encoding,
            line,
            chosen,
        } => {
            let pattern = if *chosen {
                t.file_bad_bytes_chosen()
            } else {
                t.file_bad_bytes_detected()
            };
            fill(pattern, &[encoding, &n(line)])
        }
        SheetError::NotText => t.file_not_text().to_owned(),
        SheetError::UnmatchedQuote { line } => fill(t.file_unmatched_quote(), &[&n(line)]),
        SheetError::NotCsv { line } => fill(t.file_not_csv(), &[&n(line)]),
        SheetError::NotWritten => t.workbook_not_written().to_owned(),
    }
}

/// What was done to read the sheet, in `lang`.
pub fn note(note: &Note, lang: Lang) -> String {
    let t = tool_strings(lang);
    let n = |n: &dyn ToString| n.to_string();
    match note {
        Note::ChosenSheet {
            sheet,
            rows,
            sheets,
        } => fill(t.note_chosen_sheet(), &[sheet, &n(rows), &n(sheets)]),
        Note::HiddenSheets { sheets } => fill(
            t.note_hidden_sheets(),
            &[&sheets.join(t.quoted_names_separator())],
        ),
        Note::ShownOtherwise { cells, count } => {
            let named: Vec<String> = cells
                .iter()
                .map(|s| fill(t.note_shown_cell(), &[&cell(s.at), &s.shown, &s.held]))
                .collect();
            let named = named.join(t.items_separator());
            let more = count.saturating_sub(NAMED.min(*count));
            let named = if more > 0 {
                fill(t.note_shown_more(), &[&named, &n(&more)])
            } else {
                named
            };
            fill(t.note_shown_otherwise(), &[&named])
        }
        Note::MergedFilled { from, to, text } => {
            fill(t.note_merged_filled(), &[&cell(*from), &cell(*to), text])
        }
        Note::HiddenRows { rows, count } => {
            let named: Vec<String> = rows.iter().map(usize::to_string).collect();
            let named = named.join(t.list_separator());
            if *count > rows.len() {
                fill(t.note_hidden_rows_more(), &[&named, &n(count)])
            } else {
                fill(t.note_hidden_rows(), &[&named])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_named_as_excel_names_it_in_either_language() {
        let e = SheetError::CellTooLong {
            sheet: Some("名单".into()),
            at: Place { row: 12, column: 1 },
        };
        assert_eq!(
            error(&e, Lang::Zh),
            "工作表“名单”的 B12 单元格超过 32767 个字符（Excel 单元格的上限）"
        );
        assert_eq!(
            error(&e, Lang::En),
            "Sheet \"名单\", cell B12: more than 32767 characters (Excel's limit for a cell)"
        );
    }

    #[test]
    fn many_formula_cells_are_counted_by_column() {
        let e = SheetError::UnsavedFormulas {
            sheet: "名单".into(),
            cells: Vec::new(),
            by_column: vec![(1, 12), (3, 3)],
        };
        assert!(
            error(&e, Lang::Zh).starts_with("工作表“名单”的 B 列 12 个、D 列 3 个单元格是公式"),
            "{}",
            error(&e, Lang::Zh)
        );
        assert!(
            error(&e, Lang::En).contains("cells (12 in column B, 3 in column D) are formulas"),
            "{}",
            error(&e, Lang::En)
        );
    }

    #[test]
    fn thirteen_cells_shown_otherwise_name_ten_and_count_the_rest() {
        let shown = |row| dingji_sheets::said::Shown {
            at: Place { row, column: 2 },
            shown: "89.2".into(),
            held: "89.1666".into(),
        };
        let n = Note::ShownOtherwise {
            cells: (1..=10).map(shown).collect(),
            count: 13,
        };
        let zh = note(&n, Lang::Zh);
        assert!(zh.starts_with("C1 显示为 89.2，实际值 89.1666；C2"), "{zh}");
        assert!(
            zh.ends_with("C10 显示为 89.2，实际值 89.1666；另有 3 个单元格同样：按实际值导入（Excel 计算用的也是实际值）"),
            "{zh}"
        );
        let hidden = Note::HiddenSheets {
            sheets: vec!["草稿".into(), "旧表".into()],
        };
        assert_eq!(
            note(&hidden, Lang::Zh),
            "工作簿另有隐藏的工作表“草稿”“旧表”，未读取"
        );
        assert_eq!(
            note(&hidden, Lang::En),
            "The workbook also has hidden sheets, not read: \"草稿\", \"旧表\""
        );
    }
}
