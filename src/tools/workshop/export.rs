//! The comparison as files: records for a CSV or a sheet (each organization before and after,
//! and against last year where a file was given) and a workbook of four sheets; the column
//! words and the star columns shared with the tables on screen.

use dingji_rules::{Lang, Scheme};

use super::{Outcome, Tried, YearComparison};
use crate::list::derive::Graded;
use crate::list::state::ListState;
use crate::tools::strings::{ToolStrings, tool_strings};
use crate::wire::sheets::Cell;

/// A word of the tools' strings, by its accessor: what a column or a sheet is called.
pub type Word = fn(&ToolStrings) -> &'static str;

/// The before-and-after columns, shared by the table and the CSV.
pub const TRIAL_COLUMNS: [Word; 7] = [
    ToolStrings::organization,
    ToolStrings::score_before,
    ToolStrings::tier_before,
    ToolStrings::stars_before,
    ToolStrings::score_after,
    ToolStrings::tier_after,
    ToolStrings::stars_after,
];

/// Where the before-and-after columns hold stars (原星级, 调整后星级): left out where neither
/// scheme has stars.
pub const TRIAL_STAR_COLUMNS: [usize; 2] = [3, 6];

/// Whether a comparison of `before` and `after` shows stars: where either has them.
pub fn with_stars(before: &Scheme, after: &Scheme) -> bool {
    before.stars.is_some() || after.stars.is_some()
}

/// `cells` without the star columns where there are no stars.
pub fn trial_cells<T>(cells: Vec<T>, stars: bool) -> Vec<T> {
    cells
        .into_iter()
        .enumerate()
        .filter(|(i, _)| stars || !TRIAL_STAR_COLUMNS.contains(i))
        .map(|(_, c)| c)
        .collect()
}

/// `word` in `lang`.
pub fn label(lang: Lang, word: Word) -> &'static str {
    word(tool_strings(lang))
}

/// A result as shown: the composite, the tier's name and the stars' ("—" where not graded).
pub fn shown(o: &Outcome, scheme: &Scheme, lang: Lang) -> (String, String, String) {
    match o {
        Some((c, t, s)) => (
            c.to_string(),
            scheme.tier_name(*t, lang).to_owned(),
            s.map(|s| scheme.star_name(s, lang)).unwrap_or_default(),
        ),
        None => ("—".into(), "—".into(), String::new()),
    }
}

/// 晋位, 降位 or 持平: where an organization placed in tier `now` stands against tier `last`.
pub fn against(last: usize, now: usize, lang: Lang) -> &'static str {
    let t = tool_strings(lang);
    match now.cmp(&last) {
        std::cmp::Ordering::Less => t.up_2(),
        std::cmp::Ordering::Greater => t.down_2(),
        std::cmp::Ordering::Equal => t.same(),
    }
}

/// The comparison as records for a CSV or a sheet: a header, then each organization before and
/// after, its composites as numbers (and against last year, where a file was given).
pub fn comparison_records(
    list: &ListState,
    tried: &Tried,
    year: Option<&YearComparison>,
    lang: Lang,
) -> Vec<Vec<Cell>> {
    let t = tool_strings(lang);
    let mut head: Vec<String> = TRIAL_COLUMNS
        .iter()
        .map(|c| label(lang, *c).to_owned())
        .collect();
    head.push((tool_strings(lang).change()).to_owned());
    if year.is_some() {
        head.extend(
            [
                t.tier_last_year(),
                t.stars_last_year(),
                t.against_last_year_short(),
            ]
            .map(String::from),
        );
    }
    let head: Vec<Cell> = head.into_iter().map(Cell::Text).collect();
    let word = |before: usize, after: usize| -> String {
        match after.cmp(&before) {
            std::cmp::Ordering::Less => tool_strings(lang).up(),
            std::cmp::Ordering::Greater => tool_strings(lang).down(),
            std::cmp::Ordering::Equal => "",
        }
        .to_owned()
    };
    let mut out = vec![head];
    // A composite is a number at its scheme's decimals; a row not graded shows "—".
    let score = |o: &Outcome, scheme: &Scheme, text: String| match o {
        Some((c, _, _)) => Cell::number(*c, scheme.rounding.decimals),
        None => Cell::Text(text),
    };
    for (i, row) in list.rows.iter().enumerate() {
        let (b, a) = tried
            .comparison
            .rows
            .get(i)
            .cloned()
            .unwrap_or((None, None));
        let (bc, bt, bs) = shown(&b, &list.scheme, lang);
        let (ac, at, as_) = shown(&a, &tried.scheme, lang);
        let change = match (b, a) {
            (Some(b), Some(a)) => word(b.1, a.1),
            _ => String::new(),
        };
        let mut record = vec![
            row.draft.name.clone(),
            String::new(),
            bt,
            bs,
            String::new(),
            at,
            as_,
            change,
        ];
        if let Some(y) = year {
            match y.rows.get(i) {
                Some((Some(last), now)) => {
                    record.push(tried.scheme.tier_name(last.0, lang).to_owned());
                    record.push(
                        last.1
                            .map(|s| tried.scheme.star_name(s, lang))
                            .unwrap_or_default(),
                    );
                    record.push(
                        now.map(|now| against(last.0, now.1, lang).to_owned())
                            .unwrap_or_default(),
                    );
                }
                _ => record.extend([String::new(), String::new(), t.not_last_year().into()]),
            }
        }
        let mut cells: Vec<Cell> = record.into_iter().map(Cell::Text).collect();
        cells[1] = score(&b, &list.scheme, bc);
        cells[4] = score(&a, &tried.scheme, ac);
        out.push(cells);
    }
    let stars = with_stars(&list.scheme, &tried.scheme);
    out.into_iter().map(|r| trial_cells(r, stars)).collect()
}

/// The comparison as a workbook's sheets: 对比 (each organization before and after, and against
/// last year where a file was given; scores as numbers), 等次变化 (the transition matrix, and
/// last year's where given), and the 汇总表 before and after, each with its quota lines.
pub fn comparison_workbook(
    list: &ListState,
    before: &Graded,
    tried: &Tried,
    year: Option<&YearComparison>,
    lang: Lang,
) -> Vec<(String, Vec<Vec<Cell>>)> {
    let rows = comparison_records(list, tried, year, lang);
    let matrix_sheet = |m: &[Vec<usize>], corner: &str| {
        let mut out = vec![
            std::iter::once(Cell::Text(corner.to_owned()))
                .chain(
                    tried
                        .scheme
                        .tiers
                        .iter()
                        .map(|t| Cell::Text(t.name.get(lang).to_owned())),
                )
                .collect::<Vec<_>>(),
        ];
        out.extend(m.iter().enumerate().map(|(b, row)| {
            std::iter::once(Cell::Text(list.scheme.tier_name(b, lang).to_owned()))
                .chain(row.iter().map(|n| Cell::number((*n as u64).into(), 0)))
                .collect()
        }));
        out
    };
    let mut transitions = matrix_sheet(&tried.comparison.matrix, tool_strings(lang).before_after());
    transitions.push(vec![Cell::Text(tried.comparison.summary(lang))]);
    if let Some(y) = year {
        transitions.push(Vec::new());
        transitions.extend(matrix_sheet(
            &y.matrix,
            tool_strings(lang).last_year_this_year(),
        ));
        transitions.push(vec![Cell::Text(y.summary(lang))]);
        transitions.extend(y.stars_summary(lang).map(|s| vec![Cell::Text(s)]));
    }
    let after = super::under(list, tried.scheme.clone());
    let name = |word: Word| label(lang, word).to_owned();
    vec![
        (name(ToolStrings::comparison), rows),
        (name(ToolStrings::tiers), transitions),
        (
            name(ToolStrings::summary_before),
            crate::tools::export::summary_records(list, before),
        ),
        (
            name(ToolStrings::summary_after),
            crate::tools::export::summary_records(&after, &tried.graded),
        ),
    ]
}
