//! Files out of the list: the CSV written for Excel (neutralised against formulas), the list,
//! its 汇总表 and its scheme as records for an export, and the download. Files in are read by
//! the sheets worker; a paste by [`crate::tools::paste`].

use dingji_rules::fmt::num;
use dingji_rules::{Lang, Scheme};

use crate::list::derive::{Graded, RowResult, quota_line, to_next};
use crate::list::state::ListState;
use crate::shared::i18n::list_strings;
use crate::wire::Error;
use crate::wire::columns::Col;
use crate::wire::sheets::Cell;
use crate::wire::tools::Export;

/// Whether a spreadsheet would run `cell` as a formula once its leading apostrophes (the
/// neutralising ones) are taken off.
fn formula_after_quotes(cell: &str) -> bool {
    dingji_sheets::formula_like(cell.trim_start_matches('\''))
}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or their full-width
/// forms: [`dingji_sheets::formula_like`]) made plain text with a leading apostrophe (CSV
/// injection). A cell typed with apostrophes before such a character
/// gets one more, so that reading the file back removes only the one added here.
pub fn neutralize(cell: &str) -> String {
    if formula_after_quotes(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The reverse of [`neutralize`], for files this program wrote: the one apostrophe it added.
pub fn unneutralize(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_after_quotes(rest) => rest,
        _ => cell,
    }
}

/// CSV of `records`, UTF-8 with a BOM so that Excel opens it as UTF-8; every cell neutralized.
pub fn write_csv(records: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    for record in records {
        let cells: Vec<String> = record
            .iter()
            .map(|cell| {
                let cell = neutralize(cell);
                if cell.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Exports the list (`graded` under its scheme) and offers the file; or why it is not exported.
pub async fn export(state: &ListState, graded: &Graded, kind: Export) -> Result<(), Error> {
    let (headers, mut rows) = records(state, graded);
    if let Some(why) = too_long(&headers, &rows, state.lang) {
        return Err(Error::Refused(why));
    }
    match kind {
        Export::Csv => {
            let mut all = vec![headers];
            all.extend(
                rows.iter()
                    .map(|r| r.iter().map(|c| c.text().to_owned()).collect()),
            );
            let bytes = js_sys::Uint8Array::from(write_csv(&all).as_bytes());
            crate::shared::download("定级名单.csv", &bytes, "text/csv;charset=utf-8");
        }
        Export::Xlsx => {
            rows.insert(0, headers.into_iter().map(Cell::Text).collect());
            let sheets = vec![
                ("结果".to_owned(), rows),
                ("汇总表".to_owned(), summary_records(state, graded)),
                ("方案".to_owned(), scheme_records(&state.scheme, state.lang)),
            ];
            let bytes = crate::wire::sheets::write_workbook(&sheets).await?;
            crate::shared::download(
                "定级名单.xlsx",
                &bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            );
        }
    }
    Ok(())
}

/// The most characters (UTF-16 units, as Excel counts) a cell of Excel holds.
pub const EXCEL_CELL_MAX: usize = 32_767;

/// The first cell longer than Excel holds, named by row (as the list numbers them) and column,
/// or `None`: an export with one is refused rather than cut short without a word (said in
/// `lang`).
pub fn too_long(headers: &[String], rows: &[Vec<Cell>], lang: Lang) -> Option<String> {
    rows.iter().enumerate().find_map(|(i, row)| {
        let j = row
            .iter()
            .position(|c| c.text().encode_utf16().count() > EXCEL_CELL_MAX)?;
        let (line, header) = (i + 1, headers.get(j).map_or("", String::as_str));
        let n = row.get(j).map_or(0, |c| c.text().encode_utf16().count());
        Some(if lang == Lang::Zh {
            format!(
                "未导出：第 {line} 行「{header}」列有 {n} 个字符，超过 Excel 单元格的上限 {EXCEL_CELL_MAX} 个"
            )
        } else {
            format!(
                "Not exported: row {line}, column \"{header}\" has {n} characters, more than an Excel cell holds ({EXCEL_CELL_MAX})"
            )
        })
    })
}

/// An entry as a cell: in a number column, a number typed plainly (`92`, `80.60`, `-5`) is a
/// number, shown with the decimals typed (so that SUM works and Excel shows the same digits);
/// anything else, and every other column, is text as typed.
fn input_cell(col: &Col, text: String) -> Cell {
    let numeric = matches!(
        col,
        Col::Score(_) | Col::Count(..) | Col::Eligible(_) | Col::Indicator(..)
    );
    let digits = text.strip_prefix('-').unwrap_or(&text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    // Digits, at most six decimals, no leading zero and no bare point: what Excel shows back
    // exactly as typed.
    let plain = !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && !(whole.len() > 1 && whole.starts_with('0'))
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && fraction.len() <= 6
        && !digits.ends_with('.');
    if numeric && plain {
        Cell::Number {
            decimals: fraction.len() as u32,
            text,
        }
    } else {
        Cell::Text(text)
    }
}

/// The list as records: the entries, then the results, as the page shows them.
pub fn records(state: &ListState, graded: &Graded) -> (Vec<String>, Vec<Vec<Cell>>) {
    let lang = state.lang;
    let s = list_strings(lang);
    let scheme = &state.scheme;
    let cols = state.columns();
    // A scheme without stars has no star columns.
    let stars = scheme.stars.is_some();
    let mut headers: Vec<String> = cols.iter().map(|c| c.header(scheme, lang)).collect();
    headers.extend([s.rank(), s.composite(), s.tier()].map(String::from));
    if stars {
        headers.extend([s.stars(), s.confirmer()].map(String::from));
    }
    headers.extend([s.to_next(), s.flags()].map(String::from));
    let decimals = scheme.rounding.decimals;
    let rows = state
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            // A blank category is graded as the scheme's first: the export writes the category
            // graded, so that a re-import (which refuses a blank category) grades the same.
            let graded_category = || {
                scheme
                    .categories
                    .first()
                    .map(|c| c.name.zh.clone())
                    .unwrap_or_default()
            };
            let mut cells: Vec<Cell> = cols
                .iter()
                .map(|c| match c.get(&row.draft, scheme) {
                    text if text.is_empty() && *c == Col::Category => {
                        input_cell(c, graded_category())
                    }
                    text => input_cell(c, text.into_owned()),
                })
                .collect();
            match graded.result(i) {
                RowResult::Ok(r) => {
                    let number = Cell::number;
                    cells.push(Cell::number(r.rank.into(), 0));
                    cells.push(number(r.rounded, decimals));
                    cells.push(Cell::Text(scheme.tier_name(r.tier, lang).to_owned()));
                    if stars {
                        cells.push(Cell::Text(
                            r.stars
                                .map(|n| scheme.star_name(n, lang))
                                .unwrap_or_default(),
                        ));
                        cells.push(Cell::Text(
                            r.stars
                                .and_then(|n| scheme.star_level(n))
                                .map(|l| l.confirmer.get(lang).to_owned())
                                .unwrap_or_default(),
                        ));
                    }
                    cells.push(
                        to_next(scheme, r)
                            .map_or(Cell::Text(String::new()), |d| number(d, decimals)),
                    );
                    cells.push(Cell::Text(graded.flags(scheme, i, r, lang)));
                }
                RowResult::Failed(why) => cells.push(Cell::Text(why)),
                RowResult::Unread => cells.push(Cell::Text(s.unread().to_owned())),
            }
            cells
        })
        .collect();
    (headers, rows)
}

/// The 汇总表 as records, for the workbook.
pub fn summary_records(state: &ListState, graded: &Graded) -> Vec<Vec<Cell>> {
    let lang = state.lang;
    let s = list_strings(lang);
    let scheme = &state.scheme;
    let sum = &graded.summary;
    let mut head = vec![
        Cell::Text(s.filter_category().into()),
        Cell::Text(s.count().into()),
    ];
    for t in &scheme.tiers {
        head.push(Cell::Text(t.name.get(lang).into()));
        head.push(Cell::Text("%".into()));
    }
    for &n in &sum.star_columns {
        head.push(Cell::Text(scheme.star_name(n, lang)));
        head.push(Cell::Text("%".into()));
    }
    let mut out = vec![head];
    for row in sum.rows.iter().chain(std::iter::once(&sum.total)) {
        let name = row
            .category
            .and_then(|c| scheme.categories.get(c))
            .map_or(s.total(), |c| c.name.get(lang));
        let mut cells = vec![Cell::Text(name.into()), Cell::number(row.count.into(), 0)];
        for (c, share) in row
            .tiers
            .iter()
            .zip(&row.tier_shares)
            .chain(row.stars.iter().zip(&row.star_shares))
        {
            cells.push(Cell::number((*c).into(), 0));
            cells.push(Cell::number(*share, 1));
        }
        out.push(cells);
    }
    if sum.rounded_off {
        out.push(vec![Cell::Text(s.shares_rounded().into())]);
    }
    out.push(Vec::new());
    out.extend(
        graded
            .list
            .quotas
            .iter()
            .map(|q| vec![Cell::Text(quota_line(scheme, q, lang))]),
    );
    out
}

/// The scheme's main numbers, for the workbook's third sheet.
pub fn scheme_records(scheme: &Scheme, lang: Lang) -> Vec<Vec<Cell>> {
    let text = |s: &str| Cell::Text(s.to_owned());
    let mut out = vec![
        vec![text(scheme.name.get(lang))],
        vec![text(scheme.citation.get(lang))],
        Vec::new(),
    ];
    out.extend(
        scheme
            .sources
            .iter()
            .map(|s| vec![text(s.name.get(lang)), text(&format!("{}%", num(s.weight)))]),
    );
    out.push(Vec::new());
    out.extend(scheme.tiers.iter().map(|t| {
        vec![
            text(t.name.get(lang)),
            text(&t.min.map(num).unwrap_or_default()),
        ]
    }));
    out.push(Vec::new());
    out.push(vec![text(&scheme.rounding.describe(lang))]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::paste::parse_delimited;

    #[test]
    fn csv_as_excel_writes_it() {
        let text = "名称,党委评定,备注\r\n\"红星村, 一组\",92,\"他说\"\"好\"\"\"\r\n\"两\n行\",88,\r\n\r\n";
        assert_eq!(
            parse_delimited(text, ','),
            Ok(vec![
                vec!["名称".to_owned(), "党委评定".into(), "备注".into()],
                vec!["红星村, 一组".into(), "92".into(), "他说\"好\"".into()],
                vec!["两\n行".into(), "88".into(), "".into()],
            ])
        );
        assert_eq!(
            parse_delimited("a\tb\nc\td", '\t'),
            Ok(vec![
                vec!["a".to_owned(), "b".into()],
                vec!["c".into(), "d".into()]
            ])
        );
        // A stray quote, as a clerk types one before a name: the shape is ambiguous, refused
        // at the line the quote opened; a quote inside a field (not at its start) is text.
        assert_eq!(parse_delimited("\"红星村\t92\n东风村\t88", '\t'), Err(1));
        assert_eq!(parse_delimited("甲村\t90\n\"乙\"村\t80", '\t'), Err(2));
        assert_eq!(
            parse_delimited("红\"星\"村\t92", '\t'),
            Ok(vec![vec!["红\"星\"村".to_owned(), "92".into()]])
        );
        assert_eq!(
            parse_delimited("\"\"\t92", '\t'),
            Ok(vec![vec!["".to_owned(), "92".into()]])
        );
    }

    #[test]
    fn written_csv_reads_back_and_formulas_are_neutralized() {
        let records = vec![vec![
            "=1+1".to_owned(),
            "a,b".into(),
            "-3".into(),
            "\"q\"".into(),
        ]];
        let csv = write_csv(&records);
        assert!(csv.starts_with('\u{feff}'));
        let back = parse_delimited(csv.trim_start_matches('\u{feff}'), ',').unwrap();
        assert_eq!(
            back,
            vec![vec![
                "'=1+1".to_owned(),
                "a,b".into(),
                "'-3".into(),
                "\"q\"".into()
            ]]
        );
        assert_eq!(unneutralize("'=1+1"), "=1+1");
        assert_eq!(unneutralize("'abc"), "'abc");
    }
}
