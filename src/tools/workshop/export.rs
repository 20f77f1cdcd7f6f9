//! The comparison as files: records for a CSV or a sheet (each organization before and after,
//! and against last year where a file was given) and a workbook of four sheets; the column
//! words and the star columns shared with the tables on screen.

use dingji_rules::{Lang, Scheme};

use super::{Outcome, Tried, YearComparison};
use crate::list::derive::Graded;
use crate::list::state::ListState;
use crate::wire::sheets::Cell;

/// The before-and-after columns (Chinese, English), shared by the table and the CSV.
pub const TRIAL_COLUMNS: [(&str, &str); 7] = [
    ("组织名称", "Organization"),
    ("原综合评分", "Score before"),
    ("原等次", "Tier before"),
    ("原星级", "Stars before"),
    ("调整后评分", "Score after"),
    ("调整后等次", "Tier after"),
    ("调整后星级", "Stars after"),
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

/// The Chinese or the English of a pair, as `lang` asks.
pub fn label(lang: Lang, (zh, en): (&'static str, &'static str)) -> &'static str {
    if lang == Lang::Zh { zh } else { en }
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
    let zh = lang == Lang::Zh;
    match now.cmp(&last) {
        std::cmp::Ordering::Less if zh => "晋位",
        std::cmp::Ordering::Less => "up",
        std::cmp::Ordering::Greater if zh => "降位",
        std::cmp::Ordering::Greater => "down",
        std::cmp::Ordering::Equal if zh => "持平",
        std::cmp::Ordering::Equal => "same",
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
    let zh = lang == Lang::Zh;
    let mut head: Vec<String> = TRIAL_COLUMNS
        .iter()
        .map(|c| label(lang, *c).to_owned())
        .collect();
    head.push((if zh { "变化" } else { "Change" }).to_owned());
    if year.is_some() {
        head.extend(
            if zh {
                ["去年等次", "去年星级", "与去年比"]
            } else {
                ["Tier last year", "Stars last year", "Against last year"]
            }
            .map(String::from),
        );
    }
    let head: Vec<Cell> = head.into_iter().map(Cell::Text).collect();
    let word = |before: usize, after: usize| -> String {
        match after.cmp(&before) {
            std::cmp::Ordering::Less => {
                if zh {
                    "上升"
                } else {
                    "up"
                }
            }
            std::cmp::Ordering::Greater => {
                if zh {
                    "下降"
                } else {
                    "down"
                }
            }
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
                _ => record.extend([
                    String::new(),
                    String::new(),
                    if zh {
                        "去年无此组织".into()
                    } else {
                        "not last year".into()
                    },
                ]),
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
    let zh = lang == Lang::Zh;
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
    let mut transitions = matrix_sheet(
        &tried.comparison.matrix,
        if zh {
            "调整前＼调整后"
        } else {
            "before \\ after"
        },
    );
    transitions.push(vec![Cell::Text(tried.comparison.summary(lang))]);
    if let Some(y) = year {
        transitions.push(Vec::new());
        transitions.extend(matrix_sheet(
            &y.matrix,
            if zh {
                "去年＼今年"
            } else {
                "last year \\ this year"
            },
        ));
        transitions.push(vec![Cell::Text(y.summary(lang))]);
    }
    let after = super::under(list, tried.scheme.clone());
    let name = |zh_name: &str, en: &str| (if zh { zh_name } else { en }).to_owned();
    vec![
        (name("对比", "Comparison"), rows),
        (name("等次变化", "Tiers"), transitions),
        (
            name("汇总表（调整前）", "Summary before"),
            crate::tools::export::summary_records(list, before),
        ),
        (
            name("汇总表（调整后）", "Summary after"),
            crate::tools::export::summary_records(&after, &tried.graded),
        ),
    ]
}
