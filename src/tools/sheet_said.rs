//! The sheets worker's refusals and notes ([`dingji_sheets::said`]: data, with where each is) as
//! sentences in the page's language: a place as Excel names it (B12), a sheet by its name, a row
//! by its number. What a file says is never quoted in a refusal; a note quotes only a merged
//! cell's own text (it is what was filled in). In the tools' room: only the tools read files,
//! so the pages' first loads do not carry these sentences.

use dingji_rules::Lang;
use dingji_sheets::said::{NAMED, Note, Place, SheetError};
use dingji_sheets::{MAX_CELL_CHARS, MAX_COLS, MAX_ROWS, column_letter};

/// A cell as Excel names it: B12.
fn cell(p: Place) -> String {
    format!("{}{}", column_letter(p.column), p.row)
}

/// `items` joined, the Chinese way or the English way.
fn join(items: &[String], zh: bool) -> String {
    items.join(if zh { "、" } else { ", " })
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
    let zh = lang == Lang::Zh;
    // "工作表“名单”的 " / "Sheet \"名单\": " before a place in a sheet; nothing in a text file.
    let in_sheet = |sheet: &Option<String>| match (sheet, zh) {
        (Some(s), true) => format!("工作表“{s}”的 "),
        (Some(s), false) => format!("Sheet \"{s}\", "),
        (None, _) => String::new(),
    };
    let other_encoding = if zh {
        "如果是其他编码，请在“编码”中选择，或在 Excel 中另存为“CSV UTF-8”"
    } else {
        "If it is in another encoding, choose it under \"Encoding\", or save it from Excel as \"CSV UTF-8\""
    };
    match (e, zh) {
        (SheetError::FileTooLarge { mb, max_mb }, true) => {
            format!("文件有 {mb} MB，超过上限 {max_mb} MB，无法导入")
        }
        (SheetError::FileTooLarge { mb, max_mb }, false) => {
            format!("The file is {mb} MB, over the limit of {max_mb} MB: it cannot be imported")
        }
        (SheetError::InflatedTooLarge { mb, max_mb }, true) => {
            format!("工作簿解压后有 {mb} MB，超过上限 {max_mb} MB，无法导入")
        }
        (SheetError::InflatedTooLarge { mb, max_mb }, false) => format!(
            "The workbook is {mb} MB once unpacked, over the limit of {max_mb} MB: it cannot be imported"
        ),
        (SheetError::Encrypted, true) => "工作簿设置了打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿）并保存，再导入".into(),
        (SheetError::Encrypted, false) => "The workbook has an opening password (encrypted) and cannot be read: remove the password in Excel or WPS (File → Info → Protect Workbook), save, and import again".into(),
        (SheetError::OldExcel, true) => "这是旧版 Excel 文件（.xls），无法直接读取：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入".into(),
        (SheetError::OldExcel, false) => "This is an old Excel file (.xls), which cannot be read directly: save it as .xlsx or CSV in Excel or WPS, then import it".into(),
        (SheetError::NoWorksheets, true) => "工作簿中没有工作表（只有图表或宏表），没有可导入的名单".into(),
        (SheetError::NoWorksheets, false) => "The workbook has no worksheets (only charts or macro sheets): there is no list to import".into(),
        (SheetError::NotAWorkbook, true) => "文件不是可读取的 Excel 工作簿（.xlsx）：它的内容不是 Excel 格式，文件可能已损坏".into(),
        (SheetError::NotAWorkbook, false) => "The file is not an Excel workbook (.xlsx) that can be read: its content is not in Excel's format, and it may be damaged".into(),
        (SheetError::NoSuchSheet { sheet }, true) => format!("工作簿中没有工作表“{sheet}”"),
        (SheetError::NoSuchSheet { sheet }, false) => {
            format!("The workbook has no sheet \"{sheet}\"")
        }
        (SheetError::SheetUnreadable { sheet }, true) => format!("工作表“{sheet}”无法读取"),
        (SheetError::SheetUnreadable { sheet }, false) => {
            format!("Sheet \"{sheet}\" cannot be read")
        }
        (SheetError::TooManyRows { sheet: Some(s), at }, true) => format!(
            "工作表“{s}”超过 {MAX_ROWS} 行{}，无法导入：请分成几个文件",
            at.map(|p| format!("（{} 单元格有内容）", cell(p))).unwrap_or_default()
        ),
        (SheetError::TooManyRows { sheet: None, .. }, true) => {
            format!("文件超过 {MAX_ROWS} 行，无法导入：请分成几个文件")
        }
        (SheetError::TooManyRows { sheet, at }, false) => format!(
            "{}more than {MAX_ROWS} rows{}: it cannot be imported; split it into several files",
            in_sheet(sheet),
            at.map(|p| format!(" ({} is filled)", cell(p))).unwrap_or_default()
        ),
        (SheetError::TooManyColumns { sheet: Some(s), at, .. }, true) => format!(
            "工作表“{s}”超过 {MAX_COLS} 列（{} 单元格有内容），无法导入",
            cell(*at)
        ),
        (SheetError::TooManyColumns { sheet: None, at, found }, true) => format!(
            "第 {} 行有 {} 列，超过上限 {MAX_COLS} 列",
            at.row,
            found.unwrap_or(at.column + 1)
        ),
        (SheetError::TooManyColumns { sheet, at, found }, false) => format!(
            "{}row {} has {} columns, over the limit of {MAX_COLS}",
            in_sheet(sheet),
            at.row,
            found.unwrap_or(at.column + 1)
        ),
        (SheetError::CellTooLong { sheet: Some(s), at }, true) => format!(
            "工作表“{s}”的 {} 单元格超过 {MAX_CELL_CHARS} 个字符（Excel 单元格的上限）",
            cell(*at)
        ),
        (SheetError::CellTooLong { sheet: None, at }, true) => format!(
            "第 {} 行 {} 列的内容超过 {MAX_CELL_CHARS} 个字符（Excel 单元格的上限）",
            at.row,
            column_letter(at.column)
        ),
        (SheetError::CellTooLong { sheet, at }, false) => format!(
            "{}cell {} holds more than {MAX_CELL_CHARS} characters (Excel's limit for a cell)",
            in_sheet(sheet),
            cell(*at)
        ),
        (
            SheetError::UnsavedFormulas {
                sheet,
                cells,
                by_column,
            },
            _,
        ) => {
            let places = if by_column.is_empty() {
                let named: Vec<String> = cells.iter().map(|p| cell(*p)).collect();
                if zh {
                    format!("{} 单元格", join(&named, zh))
                } else {
                    format!("cells {}", join(&named, zh))
                }
            } else {
                let named: Vec<String> = by_column
                    .iter()
                    .map(|(c, n)| {
                        if zh {
                            format!("{} 列 {n} 个", column_letter(*c))
                        } else {
                            format!("{n} in column {}", column_letter(*c))
                        }
                    })
                    .collect();
                if zh {
                    format!("{}单元格", join(&named, zh))
                } else {
                    format!("cells ({})", join(&named, zh))
                }
            };
            if zh {
                format!(
                    "工作表“{sheet}”的 {places}是公式，文件中没有保存计算结果：请在 Excel 或 WPS 中打开这个文件、保存后再导入"
                )
            } else {
                format!(
                    "Sheet \"{sheet}\": {places} are formulas whose results are not saved in the file: open it in Excel or WPS, save it, and import it again"
                )
            }
        }
        (SheetError::Utf16WithoutBom, true) => "文件像是没有字节顺序标记（BOM）的 UTF-16 文本：请在“编码”中选择 UTF-16 LE 或 UTF-16 BE".into(),
        (SheetError::Utf16WithoutBom, false) => "The file looks like UTF-16 text without a byte-order mark (BOM): choose UTF-16 LE or UTF-16 BE under \"Encoding\"".into(),
        (SheetError::NeitherUtf8NorGbk { utf8_line, gbk_line }, true) => format!(
            "文件既不是有效的 UTF-8 文本（第 {utf8_line} 行有无法识别的字节），也不是有效的 GBK/GB18030 文本（第 {gbk_line} 行有无法识别的字节）。{other_encoding}"
        ),
        (SheetError::NeitherUtf8NorGbk { utf8_line, gbk_line }, false) => format!(
            "The file is neither valid UTF-8 text (line {utf8_line} has bytes that do not read) nor valid GBK/GB18030 text (line {gbk_line}). {other_encoding}"
        ),
        (SheetError::BadBytes { encoding, line, chosen }, true) => format!(
            "文件不是有效的 {encoding} 文本：第 {line} 行有无法识别的字节{}",
            if *chosen { "，请换一种编码".to_owned() } else { format!("。{other_encoding}") }
        ),
        (SheetError::BadBytes { encoding, line, chosen }, false) => format!(
            "The file is not valid {encoding} text: line {line} has bytes that do not read{}",
            if *chosen { "; choose another encoding".to_owned() } else { format!(". {other_encoding}") }
        ),
        (SheetError::NotText, true) => "文件不是文本，也不是 Excel 工作簿（.xlsx）".into(),
        (SheetError::NotText, false) => "The file is neither text nor an Excel workbook (.xlsx)".into(),
        (SheetError::UnmatchedQuote { line }, true) => format!(
            "第 {line} 行有一个引号（\"）没有配对，其后的内容都会被读进同一个单元格：请检查这一行"
        ),
        (SheetError::UnmatchedQuote { line }, false) => format!(
            "Line {line} has a quote (\") without its pair: everything after it would be read into one cell; check this line"
        ),
        (SheetError::NotCsv { line }, true) => format!("第 {line} 行无法按 CSV 读取"),
        (SheetError::NotCsv { line }, false) => format!("Line {line} does not read as CSV"),
        (SheetError::NotWritten, true) => "Excel 文件未能生成".into(),
        (SheetError::NotWritten, false) => "The Excel file could not be made".into(),
    }
}

/// What was done to read the sheet, in `lang`.
pub fn note(n: &Note, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match (n, zh) {
        (
            Note::ChosenSheet {
                sheet,
                rows,
                sheets,
            },
            true,
        ) => format!(
            "已读取工作表“{sheet}”：它有 {rows} 行名称和数字，在 {sheets} 个工作表中最多（可在“工作表”中改选）"
        ),
        (
            Note::ChosenSheet {
                sheet,
                rows,
                sheets,
            },
            false,
        ) => format!(
            "Read sheet \"{sheet}\": with {rows} rows of names and numbers, the most of the {sheets} sheets (another can be chosen under \"Sheet\")"
        ),
        (Note::HiddenSheets { sheets }, true) => {
            format!("工作簿另有隐藏的工作表“{}”，未读取", sheets.join("”“"))
        }
        (Note::HiddenSheets { sheets }, false) => format!(
            "The workbook also has hidden sheets, not read: \"{}\"",
            sheets.join("\", \"")
        ),
        (Note::ShownOtherwise { cells, count }, _) => {
            let named: Vec<String> = cells
                .iter()
                .map(|s| {
                    if zh {
                        format!("{} 显示为 {}，实际值 {}", cell(s.at), s.shown, s.held)
                    } else {
                        format!("{} shows {}, holds {}", cell(s.at), s.shown, s.held)
                    }
                })
                .collect();
            let more = count.saturating_sub(NAMED.min(*count));
            match (zh, more) {
                (true, 0) => format!(
                    "{}：按实际值导入（Excel 计算用的也是实际值）",
                    named.join("；")
                ),
                (true, more) => format!(
                    "{}；另有 {more} 个单元格同样：按实际值导入（Excel 计算用的也是实际值）",
                    named.join("；")
                ),
                (false, 0) => format!(
                    "{}: imported as held (what Excel computes with too)",
                    named.join("; ")
                ),
                (false, more) => format!(
                    "{}; {more} more cells the same: imported as held (what Excel computes with too)",
                    named.join("; ")
                ),
            }
        }
        (Note::MergedFilled { from, to, text }, true) => format!(
            "合并单元格 {}:{} 的“{text}”已填入它占的每一行",
            cell(*from),
            cell(*to)
        ),
        (Note::MergedFilled { from, to, text }, false) => format!(
            "Merged cells {}:{}: \"{text}\" filled into each row they cover",
            cell(*from),
            cell(*to)
        ),
        (Note::HiddenRows { rows, count }, _) => {
            let named: Vec<String> = rows.iter().map(usize::to_string).collect();
            match (zh, *count > rows.len()) {
                (true, false) => format!(
                    "第 {} 行在 Excel 中是隐藏的，已一并读入（不要的行请在文件中删去）",
                    join(&named, zh)
                ),
                (true, true) => format!(
                    "第 {} 等 {count} 行在 Excel 中是隐藏的，已一并读入（不要的行请在文件中删去）",
                    join(&named, zh)
                ),
                (false, false) => format!(
                    "Rows {} are hidden in Excel and were read all the same (delete the rows not wanted from the file)",
                    join(&named, zh)
                ),
                (false, true) => format!(
                    "Rows {} and others, {count} in all, are hidden in Excel and were read all the same (delete the rows not wanted from the file)",
                    join(&named, zh)
                ),
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
            "Sheet \"名单\", cell B12 holds more than 32767 characters (Excel's limit for a cell)"
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
            error(&e, Lang::Zh).starts_with("工作表“名单”的 B 列 12 个、D 列 3 个单元格是公式")
        );
        assert!(error(&e, Lang::En).contains("cells (12 in column B, 3 in column D) are formulas"));
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
            zh.contains("C10 显示为 89.2，实际值 89.1666；另有 3 个单元格同样"),
            "{zh}"
        );
    }
}
