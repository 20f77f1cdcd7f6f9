//! How a clerk's cells and their places are written: a column's letter (A, B … AA), rows named in
//! a sentence, and a number written in other clothes (92分, ３０票).

use dingji_rules::Lang;

use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;

use crate::wire::columns::Col;

/// The spreadsheet's name of column `j` (from 0): A, B, … Z, AA, AB …
pub fn column_letter(j: usize) -> String {
    let mut n = j + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Units written after a number in a cell (92分, 30票, 45人).
const UNITS: [&str; 5] = ["分", "票", "人", "名", "个"];

/// A number column's cell as the number a clerk wrote, where it is one in other clothes:
/// full-width digits (９２), spaces, a unit after it (92分, 30 票). `None` where the cell is
/// already plain, or is no number at all (then it is read as written, and refused as that).
pub(super) fn as_number(col: &Col, cell: &str) -> Option<String> {
    if !matches!(
        col,
        Col::Score(_) | Col::Count(..) | Col::Eligible(_) | Col::Indicator(..)
    ) {
        return None;
    }
    let half: String = cell
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' | '．' | '－' | '＋' => {
                char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect();
    let bare = UNITS
        .iter()
        .find_map(|u| half.strip_suffix(u))
        .unwrap_or(&half);
    let reads = !bare.is_empty()
        && bare
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
        && bare.chars().any(|c| c.is_ascii_digit());
    (reads && bare != cell).then(|| bare.to_owned())
}

/// "第 3、4、7 行", "Rows 3, 4, 7" (at most ten rows named).
pub(super) fn rows_named(rows: &[usize], lang: Lang) -> String {
    let named: Vec<String> = rows.iter().take(10).map(usize::to_string).collect();
    let many = rows.len() > 10;
    let t = tool_strings(lang);
    let named = named.join(t.list_separator());
    match rows.len() {
        1 => fill(t.one_row(), &[&named]),
        _ if many => fill(t.rows_and_more(), &[&named, &rows.len().to_string()]),
        _ => fill(t.rows_listed(), &[&named]),
    }
}
