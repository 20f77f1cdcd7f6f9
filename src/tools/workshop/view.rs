//! The scheme workshop (方案工坊) over the list, in the tools bundle: every weight (a slider that
//! keeps the total at 100, and the number as typed), every threshold and the quota shares of the
//! scheme being edited, each marked
//! where it differs from where it started and reset one by one or all at once; a scheme file
//! saved or opened; and, at each change, what the trial does to the list — the summary line, the
//! tier transition matrix, and each organization whose tier or stars change, before and after.

use std::rc::Rc;

use dingji_rules::{Lang, Scheme, Text};
use yew::prelude::*;

use crate::list::derive::{grade, quota_line};
use crate::list::state::ListState;
use crate::shared::download;
use crate::shared::history::History;
use crate::tools::editor::view::SchemeEditor;
use crate::tools::workshop::apply;
use crate::tools::workshop::{
    Calculator, Comparison, LastYear, Outcome, Trial, Tried, YearComparison, against_last_year,
    last_year, try_out,
};
use crate::wire::Error;
use crate::wire::schemes::{MY_SCHEMES_KEY, is_my_schemes, keep_scheme, my_schemes};
use crate::wire::sheets::Cell;

/// The before-and-after columns (Chinese, English), shared by the table and the CSV.
const TRIAL_COLUMNS: [(&str, &str); 7] = [
    ("组织名称", "Organization"),
    ("原综合评分", "Score before"),
    ("原等次", "Tier before"),
    ("原星级", "Stars before"),
    ("调整后评分", "Score after"),
    ("调整后等次", "Tier after"),
    ("调整后星级", "Stars after"),
];
/// The against-last-year columns after the organization's name.
const YEAR_COLUMNS: [(&str, &str); 5] = [
    ("去年等次", "Tier last year"),
    ("去年星级", "Stars last year"),
    ("今年等次", "Tier this year"),
    ("今年星级", "Stars this year"),
    ("变化", "Change"),
];

/// Where the before-and-after columns hold stars (原星级, 调整后星级): left out where neither
/// scheme has stars.
const TRIAL_STAR_COLUMNS: [usize; 2] = [3, 6];

/// Whether a comparison of `before` and `after` shows stars: where either has them.
fn with_stars(before: &Scheme, after: &Scheme) -> bool {
    before.stars.is_some() || after.stars.is_some()
}

/// `cells` without the star columns where there are no stars.
fn trial_cells<T>(cells: Vec<T>, stars: bool) -> Vec<T> {
    cells
        .into_iter()
        .enumerate()
        .filter(|(i, _)| stars || !TRIAL_STAR_COLUMNS.contains(i))
        .map(|(_, c)| c)
        .collect()
}

fn label(lang: Lang, (zh, en): (&'static str, &'static str)) -> &'static str {
    if lang == Lang::Zh { zh } else { en }
}

/// A table of rows in a region that scrolls sideways on its own, headed by `columns`.
fn rows_table(
    id: &'static str,
    region: &'static str,
    columns: &[(&'static str, &'static str)],
    rows: Html,
    lang: Lang,
) -> Html {
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={region}>
            <table class="plain" {id}>
                <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{ label(lang, *c) }</th> }) }</tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

/// What the workshop edits: the scheme it started from (what changes are marked against), the
/// shape the editor made of it, and the values tried over that shape.
#[derive(Clone, PartialEq)]
struct Edited {
    start: Rc<Scheme>,
    shape: Rc<Scheme>,
    trial: Trial,
}

impl Edited {
    /// `scheme` as it is, to start from.
    fn of(scheme: Rc<Scheme>) -> Edited {
        Edited {
            trial: Trial::of(&scheme),
            start: scheme.clone(),
            shape: scheme,
        }
    }
}

/// How many changes of a trial can be taken back.
const TRIAL_STEPS: usize = 200;

/// A change to the trial, from what was typed or slid.
type Edit = Rc<dyn Fn(&mut Trial, String)>;

/// The most rows the before-and-after table shows (the matrix and the summary count them all).
const SHOWN_ROWS: usize = 200;

#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    /// The list, graded under its own scheme: what a trial is compared with.
    pub list: Rc<ListState>,
    /// The scheme a link carried, to start from (or why it could not be read).
    #[prop_or_default]
    pub linked: Option<Result<Rc<Scheme>, Error>>,
    pub on_close: Callback<()>,
    /// Grade the list under the trial's scheme (named as adjusted), its category words the
    /// scheme lacks mapped to its categories (word, category id), and close.
    pub on_apply: Callback<(Rc<Scheme>, apply::CategoryMapping)>,
    /// Opened over the calculator: `list` holds its one organization, whose result under the
    /// trial is shown beside its result now (no list, no quotas, no last year), and any valid
    /// trial is applied to the calculator ([`Calculator::applied`]).
    #[prop_or_default]
    pub one: Option<Calculator>,
}

/// The calculator's organization (row 0 of `list`) under `scheme`: its entries read again where
/// the scheme reads them otherwise, then evaluated alone (the quota rules are a list's).
fn one_outcome(draft: &dingji_rules::draft::OrgDraft, scheme: &Scheme) -> Outcome {
    let org = draft.parse(scheme).ok()?;
    let r = dingji_rules::evaluate(scheme, &org).ok()?;
    Some((r.rounded, r.tier, r.stars))
}

/// The calculator's organization now and under the trial, side by side: its entries carried to
/// the trial by what they mean (a ballot count by its level's name, never by its place), and
/// what the trial has no place for named.
fn one_view(list: &ListState, calculator: &Calculator, after: &Rc<Scheme>, lang: Lang) -> Html {
    let zh = lang == Lang::Zh;
    let draft = list
        .rows
        .first()
        .map(|r| r.draft.clone())
        .unwrap_or_default();
    let (carried, left_out) =
        dingji_rules::carry::carry(&draft, &list.scheme, &calculator.unused, after);
    let before = one_outcome(&draft, &list.scheme);
    let now = one_outcome(&carried, after);
    let (bc, bt, bs) = shown(&before, &list.scheme, lang);
    let (ac, at, as_) = shown(&now, after, lang);
    let changed = before.map(|b| (b.1, b.2)) != now.map(|a| (a.1, a.2));
    let said = match (now, changed) {
        (None, _) => {
            if zh {
                "此组织的输入在调整后的方案下不完整（评价主体、票档或指标不同），无法比较"
            } else {
                "The organization's entries are incomplete under the trial (other sources, levels or indicators): nothing to compare"
            }
        }
        (Some(_), true) => {
            if zh {
                "调整后此组织的等次或星级变化"
            } else {
                "The organization's tier or stars change"
            }
        }
        (Some(_), false) => {
            if zh {
                "调整后此组织的等次和星级不变"
            } else {
                "The organization's tier and stars are unchanged"
            }
        }
    };
    let left_out = (!left_out.is_empty()).then(|| {
        let items: Vec<String> = left_out.iter().map(|u| crate::shared::i18n::unused_line(u, lang)).collect();
        let sep = if zh { "；" } else { "; " };
        html! {
            <p id="trial-left-out">{ if zh { "调整后的方案中没有对应项、比较时未使用：" } else { "No place in the trial, left out of the comparison: " } }{ items.join(sep) }</p>
        }
    });
    let stars = with_stars(&list.scheme, after);
    let mut columns = vec![
        ("方案", "Scheme"),
        ("综合评分", "Composite"),
        ("等次", "Tier"),
    ];
    if stars {
        columns.push(("星级", "Stars"));
    }
    let rows = html! {
        <>
            <tr><th scope="row">{ if zh { "现用方案" } else { "Now" } }</th><td class="num">{ bc }</td><td>{ bt }</td>
                if stars { <td>{ bs }</td> }</tr>
            <tr class={classes!(changed.then_some("changed"))}><th scope="row">{ if zh { "调整后" } else { "Trial" } }</th><td class="num">{ ac }</td><td>{ at }</td>
                if stars { <td>{ as_ }</td> }</tr>
        </>
    };
    html! {
        <>
            <p class="trial-summary" id="trial-summary" role="status">{ said }</p>
            { rows_table("trial-one", if zh { "调整前后" } else { "Before and after" }, &columns, rows, lang) }
            if let Some(p) = left_out { { p } }
        </>
    }
}

/// One edited value: its label, the text, the value it started from, its error.
struct Field<'a> {
    id: String,
    label: String,
    text: &'a str,
    start: &'a str,
    error: Option<String>,
    slider: bool,
    on_input: Callback<String>,
    /// What the slider does (a weight's keeps the total at 100); the text field's by default.
    on_slide: Option<Callback<String>>,
}

fn field(f: Field<'_>, lang: Lang) -> Html {
    let changed = f.text != f.start;
    let read = |to: Callback<String>| {
        Callback::from(move |e: InputEvent| {
            to.emit(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
        })
    };
    let input = read(f.on_input.clone());
    let slide = read(f.on_slide.clone().unwrap_or_else(|| f.on_input.clone()));
    let reset = {
        let (on_input, start) = (f.on_input.clone(), f.start.to_owned());
        Callback::from(move |_: MouseEvent| on_input.emit(start.clone()))
    };
    let was = if f.start.is_empty() {
        (if lang == Lang::Zh { "新增" } else { "new" }).to_owned()
    } else if lang == Lang::Zh {
        format!("原为 {}", f.start)
    } else {
        format!("was {}", f.start)
    };
    let error_id = format!("{}-error", f.id);
    html! {
        <div class={classes!("trial-field", changed.then_some("changed"))}>
            <label for={f.id.clone()}>{ f.label.clone() }</label>
            if f.slider {
                <input type="range" min="0" max="100" step="1" value={f.text.to_owned()}
                    aria-label={f.label.clone()} oninput={slide} id={format!("{}-slider", f.id)} />
            }
            <input type="text" inputmode="decimal" id={f.id.clone()} value={f.text.to_owned()} oninput={input}
                aria-invalid={f.error.is_some().then_some("true")}
                aria-describedby={f.error.is_some().then(|| error_id.clone())} />
            if changed {
                <span class="was">{ was }</span>
                if !f.start.is_empty() {
                    <button type="button" class="reset" onclick={reset}
                        aria-label={format!("{}：{}", if lang == Lang::Zh { "复位" } else { "Reset" }, f.label)}>{ "↺" }</button>
                }
            }
            if let Some(e) = f.error { <span class="error" id={error_id}>{ e }</span> }
        </div>
    }
}

fn shown(o: &Outcome, scheme: &Scheme, lang: Lang) -> (String, String, String) {
    match o {
        Some((c, t, s)) => (
            c.to_string(),
            scheme.tier_name(*t, lang).to_owned(),
            s.map(|s| scheme.star_name(s, lang)).unwrap_or_default(),
        ),
        None => ("—".into(), "—".into(), String::new()),
    }
}

fn matrix(c: &Comparison, before: &Scheme, after: &Scheme, lang: Lang) -> Html {
    let zh = lang == Lang::Zh;
    html! {
        <table class="plain" id="transition-matrix">
            <caption>{ if zh { "等次变化（行：调整前，列：调整后）" } else { "Tiers (rows: before, columns: after)" } }</caption>
            <thead><tr>
                <td></td>
                { for after.tiers.iter().map(|t| html! { <th scope="col">{ t.name.get(lang) }</th> }) }
            </tr></thead>
            <tbody>
                { for c.matrix.iter().enumerate().map(|(b, row)| html! {
                    <tr>
                        <th scope="row">{ before.tier_name(b, lang) }</th>
                        { for row.iter().enumerate().map(|(a, n)| html! {
                            <td class={classes!((a != b && *n > 0).then_some("moved"))}>{ n }</td>
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The comparison as records for a CSV or a sheet: a header, then each organization before and
/// after, its composites as numbers (and against last year, where a file was given).
fn comparison_records(
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

/// The 汇总表 before and after, in one table: each category's count per tier of the trial's scheme,
/// "3 → 2" where it changed (a tier is compared with the one of the same name before).
fn summary_view(
    before_scheme: &Scheme,
    before: &crate::list::derive::Graded,
    after_scheme: &Scheme,
    after: &crate::list::derive::Graded,
    lang: Lang,
) -> Html {
    let zh = lang == Lang::Zh;
    let (b, a) = (&before.summary, &after.summary);
    let rows = a.rows.iter().chain(std::iter::once(&a.total)).map(|row| {
        let was = match row.category {
            None => Some(&b.total),
            Some(c) => {
                let id = after_scheme.categories.get(c).map(|x| x.id.as_str());
                b.rows.iter().find(|r| {
                    r.category
                        .and_then(|k| before_scheme.categories.get(k))
                        .map(|x| x.id.as_str())
                        == id
                })
            }
        };
        let name = row
            .category
            .and_then(|c| after_scheme.categories.get(c))
            .map_or(if zh { "合计" } else { "Total" }, |c| c.name.get(lang));
        let cell = |now: u64, then: Option<u64>| match then {
            Some(t) if t != now => html! { <td class="moved">{ format!("{t} → {now}") }</td> },
            _ => html! { <td>{ now }</td> },
        };
        let tier_then = |t: usize| {
            let name = &after_scheme.tiers.get(t)?.name.zh;
            let k = before_scheme
                .tiers
                .iter()
                .position(|x| &x.name.zh == name)?;
            Some(was.map_or(0, |w| w.tiers.get(k).copied().unwrap_or(0)))
        };
        html! {
            <tr>
                <th scope="row">{ name }</th>
                { cell(row.count, Some(was.map_or(0, |w| w.count))) }
                { for row.tiers.iter().enumerate().map(|(t, n)| cell(*n, tier_then(t))) }
            </tr>
        }
    });
    html! {
        <table class="plain" id="trial-summary-table">
            <caption>{ if zh { "汇总表（调整前 → 调整后）" } else { "Summary (before → after)" } }</caption>
            <thead><tr>
                <th scope="col">{ if zh { "分类" } else { "Category" } }</th>
                <th scope="col">{ if zh { "数量" } else { "Count" } }</th>
                { for after_scheme.tiers.iter().map(|t| html! { <th scope="col">{ t.name.get(lang) }</th> }) }
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// The comparison as a workbook's sheets: 对比 (each organization before and after, and against
/// last year where a file was given; scores as numbers), 等次变化 (the transition matrix, and
/// last year's where given), and the 汇总表 before and after, each with its quota lines.
fn comparison_workbook(
    list: &ListState,
    before: &crate::list::derive::Graded,
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
    let after = crate::tools::workshop::under(list, tried.scheme.clone());
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

/// A trial's scheme as the list takes it and a file keeps it: an id of its own (so that it is
/// never taken for the preset it came from) and its name marked as adjusted, unless it is a
/// preset as it is, a scheme opened and not changed, or given a name of its own in the editor
/// (a name other than `start`'s).
fn adjusted(scheme: &Scheme, start: &Scheme) -> Scheme {
    let mut out = scheme.clone();
    if dingji_rules::presets::by_id(&out.id).is_ok_and(|p| p == out) {
        return out;
    }
    // A scheme opened as it is keeps its name; one changed from it is marked.
    let changed = out != *start;
    out.id = "custom".into();
    if changed && out.name == start.name {
        out.name = adjusted_name(&out.name);
    }
    // Its citation says it was changed, with the numbers now in force: the document's words
    // alone would cite the weights it no longer has.
    if changed {
        out.cite_adjusted_from(start);
    }
    out
}

/// A scheme's name marked as adjusted (once): what a changed trial is called.
fn adjusted_name(name: &Text) -> Text {
    if name.zh.ends_with("（调整）") {
        return name.clone();
    }
    Text {
        zh: format!("{}（调整）", name.zh),
        en: format!("{} (adjusted)", name.en),
    }
}

/// 晋位, 降位 or 持平: where an organization placed in tier `now` stands against tier `last`.
fn against(last: usize, now: usize, lang: Lang) -> &'static str {
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

/// This year's list (under the trial) against last year's: the summary, the matrix, the
/// organizations that moved, and the names found in only one of the two.
fn year_view(
    y: &YearComparison,
    last: &LastYear,
    list: &ListState,
    after: &Scheme,
    lang: Lang,
) -> Html {
    let zh = lang == Lang::Zh;
    let moved = list
        .rows
        .iter()
        .zip(&y.rows)
        .filter_map(|(row, (b, a))| {
            let (b, a) = ((*b)?, (*a)?);
            if a.1 == b.0 {
                return None;
            }
            let word = against(b.0, a.1, lang);
            let stars = |s: Option<u8>| s.map(|s| after.star_name(s, lang)).unwrap_or_default();
            Some(html! {
                <tr>
                    <th scope="row">{ row.draft.name.clone() }</th>
                    <td>{ after.tier_name(b.0, lang) }</td><td>{ stars(b.1) }</td>
                    <td>{ after.tier_name(a.1, lang) }</td><td>{ stars(a.2) }</td>
                    <td>{ word }</td>
                </tr>
            })
        })
        .take(SHOWN_ROWS)
        .collect::<Html>();
    let names = |id: &str, what: &str, names: &[String]| {
        (!names.is_empty()).then(|| html! {
            <p id={id.to_owned()}>{ format!("{what}（{}）：{}", names.len(), names.iter().take(50).cloned().collect::<Vec<_>>().join("、")) }</p>
        })
    };
    html! {
        <div id="year">
            <p class="trial-summary" id="year-summary" role="status">{ y.summary(lang) }</p>
            <table class="plain" id="year-matrix">
                <caption>{ if zh { "等次变化（行：去年，列：今年）" } else { "Tiers (rows: last year, columns: this year)" } }</caption>
                <thead><tr><td></td>{ for after.tiers.iter().map(|t| html! { <th scope="col">{ t.name.get(lang) }</th> }) }</tr></thead>
                <tbody>{ for y.matrix.iter().enumerate().map(|(b, row)| html! {
                    <tr><th scope="row">{ after.tier_name(b, lang) }</th>{ for row.iter().map(|n| html! { <td>{ n }</td> }) }</tr>
                }) }</tbody>
            </table>
            <table class="plain" id="year-by-category">
                <caption>{ if zh { "按分类（汇总）" } else { "By category" } }</caption>
                <thead><tr>{ for [("分类", "Category"), ("晋位", "Up"), ("降位", "Down"), ("持平", "Same")].iter()
                    .map(|c| html! { <th scope="col">{ label(lang, *c) }</th> }) }</tr></thead>
                <tbody>{ for y.by_category.iter().map(|(c, counts)| html! {
                    <tr><th scope="row">{ after.categories.get(*c).map_or("", |c| c.name.get(lang)) }</th>
                        { for counts.iter().map(|n| html! { <td>{ n }</td> }) }</tr>
                }) }</tbody>
            </table>
            { rows_table("year-rows", if zh { "晋位与降位" } else { "Up and down" },
                &[[("组织名称", "Organization")].as_slice(), YEAR_COLUMNS.as_slice()].concat(), moved, lang) }
            { for names("year-new", if zh { "去年名单中没有的" } else { "Not in last year's list" }, &y.new) }
            { for names("year-gone", if zh { "今年名单中没有的" } else { "Not in this year's list" }, &y.gone) }
            if !last.problems.is_empty() {
                <ul class="errors" id="year-problems">{ for last.problems.iter().take(50).map(|p| html! { <li>{ p.as_str() }</li> }) }</ul>
            }
        </div>
    }
}

#[component]
pub fn Workshop(props: &WorkshopProps) -> Html {
    let lang = props.list.lang;
    let zh = lang == Lang::Zh;
    let list = props.list.clone();
    // What is being edited: the scheme it started from, its shape as the editor changed it, and
    // the weights, thresholds and quota shares tried over that shape.
    let edited = use_state(|| match &props.linked {
        Some(Ok(scheme)) => Edited::of(scheme.clone()),
        _ => Edited::of(list.scheme.clone()),
    });
    let only_changed = use_state(|| true);
    let opened_error = use_state(|| match &props.linked {
        Some(Err(why)) => Some(why.to_string()),
        _ => None,
    });
    // The scheme as a link (list.html#scheme=…), once asked for: a what-if to hand out.
    let link = use_state(|| None::<String>);
    let before = use_memo(list.clone(), |list| grade(list));
    let result = use_memo((edited.shape.clone(), edited.trial.clone()), {
        let list = list.clone();
        let before = before.clone();
        move |(shape, trial)| try_out(&list, &before, shape, trial)
    });
    let (start, shape, trial) = (edited.start.clone(), edited.shape.clone(), &edited.trial);
    let started = Trial::of(&start);

    // Every change goes through `change`: what was before it can be taken back (撤销) and redone.
    let history = use_mut_ref(|| History::<Edited>::new(TRIAL_STEPS));
    let change: Rc<dyn Fn(Edited)> = {
        let (edited, history) = (edited.clone(), history.clone());
        Rc::new(move |next| {
            history.borrow_mut().push((*edited).clone());
            edited.set(next);
        })
    };
    let step = |back: bool| {
        let (edited, history) = (edited.clone(), history.clone());
        Callback::from(move |_: MouseEvent| {
            let here = (*edited).clone();
            // The history is let go before the state is set (a render reads it).
            let popped = {
                let mut h = history.borrow_mut();
                if back { h.undo(here) } else { h.redo(here) }
            };
            if let Some(e) = popped {
                edited.set(e);
            }
        })
    };
    let (can_undo, can_redo) = {
        let h = history.borrow();
        (h.can_undo(), h.can_redo())
    };
    let set = |edit: Edit| {
        let (edited, change) = (edited.clone(), change.clone());
        Callback::from(move |text: String| {
            let mut next = (*edited).clone();
            edit(&mut next.trial, text);
            change(next);
        })
    };
    let errors: Option<&crate::tools::workshop::TrialErrors> =
        (*result).as_ref().err().map(|e| &**e);
    let weights = &trial.weights;
    // The weight typed last: where the total is not 100, the others are offered balanced
    // around it, as its slider would have them.
    let typed = use_state(|| None::<usize>);
    // A value is marked against the scheme it started from: a weight by its source.
    let weight_started = |id: &str| {
        start
            .source(id)
            .map(|(_, s)| s.weight.normalize().to_string())
            .unwrap_or_default()
    };
    let weight_fields = shape
        .sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            let on_input = {
                let (input, typed) = (
                    set(Rc::new(move |t: &mut Trial, text| {
                        if let Some(w) = t.weights.get_mut(i) {
                            *w = text;
                        }
                    })),
                    typed.clone(),
                );
                Callback::from(move |text: String| {
                    typed.set(Some(i));
                    input.emit(text);
                })
            };
            field(
                Field {
                    id: format!("trial-weight-{i}"),
                    label: format!("{}（%）", source.name.get(lang)),
                    text: weights.get(i).map_or("", String::as_str),
                    start: &weight_started(&source.id),
                    error: errors
                        .and_then(|e| e.edits.weight(i))
                        .map(|e| e.message(lang)),
                    slider: true,
                    on_input,
                    // A weight's slider keeps the total at 100: the others follow in proportion.
                    on_slide: Some(set(Rc::new(move |t: &mut Trial, text| {
                        t.balance_weight(i, text)
                    }))),
                },
                lang,
            )
        })
        .collect::<Html>();
    let thresholds = &trial.thresholds;
    let thresholds_started = &started.thresholds;
    let threshold_fields = thresholds
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let on_input = set(Rc::new(move |t: &mut Trial, text| {
                if let Some(m) = t.thresholds.get_mut(i) {
                    *m = text;
                }
            }));
            field(
                Field {
                    id: format!("trial-threshold-{i}"),
                    label: if zh {
                        format!("“{}”分数线（≥）", shape.tier_name(i, lang))
                    } else {
                        format!("{} from", shape.tier_name(i, lang))
                    },
                    text,
                    start: thresholds_started.get(i).map_or("", String::as_str),
                    error: errors
                        .and_then(|e| e.edits.threshold(i))
                        .map(|e| e.message(lang)),
                    slider: false,
                    on_input,
                    on_slide: None,
                },
                lang,
            )
        })
        .collect::<Html>();
    let share_fields = trial
        .shares
        .iter()
        .enumerate()
        .map(|(k, (share, text))| {
            let on_input = set(Rc::new(move |t: &mut Trial, text| {
                if let Some((_, s)) = t.shares.get_mut(k) {
                    *s = text;
                }
            }));
            let share = *share;
            field(
                Field {
                    id: format!("trial-share-{k}"),
                    label: format!("{}（%）", share.label(&shape, lang)),
                    text,
                    start: started
                        .shares
                        .iter()
                        .find(|(s, _)| *s == share)
                        .map_or("", |(_, t)| t.as_str()),
                    error: errors
                        .and_then(|e| e.shares.iter().find(|(s, _)| *s == share))
                        .map(|(_, e)| e.message(lang)),
                    slider: true,
                    on_input,
                    on_slide: None,
                },
                lang,
            )
        })
        .collect::<Html>();
    let weights_sum = errors
        .and_then(|e| e.edits.weights_sum.as_ref().or(e.edits.other.as_ref()))
        .map(|e| e.message(lang));
    let balance_offer = (*typed)
        .filter(|_| errors.is_some_and(|e| e.edits.weights.is_empty() && e.edits.weights_sum.is_some()))
        .and_then(|fixed| {
            let read: Option<Vec<dingji_rules::Decimal>> =
                weights.iter().map(|w| dingji_rules::parse_decimal(w, "").ok()).collect();
            let balanced = dingji_rules::weights::balanced(&read?, fixed)?;
            let others = crate::shared::others_balanced(
                &shape.sources,
                &balanced,
                fixed,
                lang,
                if zh { "、" } else { ", " },
            );
            let take = set(Rc::new(move |t: &mut Trial, _| {
                let text = t.weights.get(fixed).cloned().unwrap_or_default();
                t.balance_weight(fixed, text);
            }));
            Some(html! {
                <p class="balance" id="trial-weights-balance">
                    { if zh { format!("其余权重按比例调整为：{others}") } else { format!("The other weights in proportion: {others}") } }
                    <button type="button" id="trial-weights-balance-take" class="small" onclick={take.reform(|_: MouseEvent| String::new())}>
                        { if zh { "按比例调整" } else { "Balance them" } }</button>
                </p>
            })
        });

    // The editor works on the scheme as tried (the values typed, where they read), so that a
    // change of shape keeps them.
    let as_tried: Rc<Scheme> = match result.as_ref() {
        Ok(tried) => tried.scheme.clone(),
        Err(_) => shape.clone(),
    };
    let on_shape = {
        let (edited, change, as_tried) = (edited.clone(), change.clone(), as_tried.clone());
        Callback::from(move |new: Scheme| {
            let trial = edited.trial.carry(&as_tried, &new);
            change(Edited {
                start: edited.start.clone(),
                shape: Rc::new(new),
                trial,
            });
        })
    };
    let shape_error = errors.and_then(|e| e.shape.clone());
    // Where to start from: a preset, or nothing.
    let start_from = {
        let change = change.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let scheme = if value == "blank" {
                Some(crate::tools::editor::blank())
            } else {
                dingji_rules::presets::by_id(&value).ok()
            };
            if let Some(s) = scheme {
                change(Edited::of(Rc::new(s)));
            }
        })
    };

    let reset_all = {
        let (start, change) = (start.clone(), change.clone());
        Callback::from(move |_: MouseEvent| change(Edited::of(start.clone())))
    };
    let save = {
        let (result, start) = (result.clone(), start.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(Tried { scheme, .. }) = result.as_ref() {
                let scheme = adjusted(scheme, &start);
                let bytes = js_sys::Uint8Array::from(scheme.to_json().as_bytes());
                download(
                    &format!("方案-{}.json", scheme.name.zh),
                    &bytes,
                    "application/json",
                );
            }
        })
    };
    let open = {
        let (change, opened_error) = (change.clone(), opened_error.clone());
        Callback::from(move |e: Event| {
            let Some(file) = crate::shared::file::chosen(&e) else {
                return;
            };
            let (change, opened_error) = (change.clone(), opened_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = crate::shared::file::text(&file, lang)
                    .await
                    .unwrap_or_default();
                match Scheme::from_json(&text) {
                    Ok(scheme) => {
                        change(Edited::of(Rc::new(scheme)));
                        opened_error.set(None);
                    }
                    // A bad file changes nothing: named, with where it is.
                    Err(e) => opened_error.set(Some(format!(
                        "{}{}",
                        if zh {
                            "方案文件未打开："
                        } else {
                            "The scheme file was not opened: "
                        },
                        e.message(lang)
                    ))),
                }
            });
        })
    };
    // Last year's list, as the baseline of 晋位 and 降位.
    let last = use_state(|| None::<Rc<LastYear>>);
    let last_error = use_state(|| None::<String>);
    let open_last = {
        let (last, last_error, scheme) = (last.clone(), last_error.clone(), list.scheme.clone());
        Callback::from(move |e: Event| {
            let Some(file) = crate::shared::file::chosen(&e) else {
                return;
            };
            let named_workbook = crate::wire::sheets::named_workbook(&file.name());
            let (last, last_error, scheme) = (last.clone(), last_error.clone(), scheme.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = async {
                    let bytes = crate::shared::file::bytes(&file, lang).await?;
                    let opened = crate::wire::sheets::open(&bytes, "auto", named_workbook).await?;
                    let table = match (opened.table, opened.sheets.iter().find(|(_, h)| !h)) {
                        (Some(t), _) => t,
                        (None, Some((name, _))) => {
                            crate::wire::sheets::read_sheet(&bytes, name).await?
                        }
                        (None, None) => {
                            return Err(Error::Refused("工作簿中没有可见的工作表".to_owned()));
                        }
                    };
                    last_year(&table.from_header(), &scheme, lang)
                };
                match read.await {
                    Ok(l) => {
                        last.set(Some(Rc::new(l)));
                        last_error.set(None);
                    }
                    Err(why) => last_error.set(Some(format!("去年的名单未能读取：{why}"))),
                }
            });
        })
    };
    let year = match (result.as_ref(), (*last).as_ref()) {
        (Ok(tried), Some(l)) => Some(year_view(
            &against_last_year(&list, &tried.graded, tried.scheme.tiers.len(), l),
            l,
            &list,
            &tried.scheme,
            lang,
        )),
        _ => None,
    };

    // The comparison as a CSV: every organization before and after, with last year's where given.
    let export = {
        let (result, last, list) = (result.clone(), last.clone(), list.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(tried) = result.as_ref() else { return };
            let year = (*last)
                .as_ref()
                .map(|l| against_last_year(&list, &tried.graded, tried.scheme.tiers.len(), l));
            let records: Vec<Vec<String>> = comparison_records(&list, tried, year.as_ref(), lang)
                .iter()
                .map(|r| r.iter().map(|c| c.text().to_owned()).collect())
                .collect();
            let bytes =
                js_sys::Uint8Array::from(crate::tools::export::write_csv(&records).as_bytes());
            download(
                if zh {
                    "方案对比.csv"
                } else {
                    "comparison.csv"
                },
                &bytes,
                "text/csv;charset=utf-8",
            );
        })
    };
    // The comparison as a workbook: the organizations before and after (and against last year),
    // the tier transitions, and the 汇总表 with its quota lines before and after.
    let export_xlsx = {
        let (result, last, list, before) =
            (result.clone(), last.clone(), list.clone(), before.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(tried) = result.as_ref() else { return };
            let year = (*last)
                .as_ref()
                .map(|l| against_last_year(&list, &tried.graded, tried.scheme.tiers.len(), l));
            let sheets = comparison_workbook(&list, &before, tried, year.as_ref(), lang);
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(bytes) = crate::wire::sheets::write_workbook(&sheets).await {
                    download(
                        if zh {
                            "方案对比.xlsx"
                        } else {
                            "comparison.xlsx"
                        },
                        &bytes,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    );
                }
            });
        })
    };
    // My schemes, kept in this browser.
    let storage = gloo::utils::window().local_storage().ok().flatten();
    let kept_text = use_state({
        let storage = storage.clone();
        move || {
            storage
                .and_then(|s| s.get_item(MY_SCHEMES_KEY).ok().flatten())
                .unwrap_or_default()
        }
    });
    let (mine, unread) = my_schemes(&kept_text);
    let name = use_state(String::new);
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let keep = {
        let (result, name, kept_text, storage, start) = (
            result.clone(),
            name.clone(),
            kept_text.clone(),
            storage.clone(),
            start.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Ok(Tried { scheme, .. }) = result.as_ref() else {
                return;
            };
            let mut kept = adjusted(scheme, &start);
            if !name.trim().is_empty() {
                kept.name.zh = name.trim().to_owned();
                kept.name.en = name.trim().to_owned();
            }
            let Some(storage) = storage.as_ref() else {
                return;
            };
            // Text there in another form is kept aside, never written over.
            if !is_my_schemes(&kept_text)
                && !crate::shared::keep_aside(Some(storage), MY_SCHEMES_KEY, &kept_text)
            {
                return;
            }
            if let Some(text) = keep_scheme(&kept_text, &kept)
                && storage.set_item(MY_SCHEMES_KEY, &text).is_ok()
            {
                kept_text.set(text);
            }
        })
    };
    let pick_mine = {
        let (change, mine) = (change.clone(), mine.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some((_, scheme)) = value.parse::<usize>().ok().and_then(|i| mine.get(i)) {
                change(Edited::of(Rc::new(scheme.clone())));
            }
        })
    };
    let make_link = {
        let (result, start, link) = (result.clone(), start.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(Tried { scheme, .. }) = result.as_ref() else {
                return;
            };
            let Some(data) = crate::tools::workshop::scheme_link(&adjusted(scheme, &start)) else {
                return;
            };
            let location = gloo::utils::window().location();
            let url = format!(
                "{}{}#{}{data}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default(),
                crate::wire::schemes::SCHEME_LINK,
            );
            // Copied where the browser lets it; shown to copy by hand either way.
            crate::shared::copy(None, &url);
            link.set(Some(url));
        })
    };
    // Over a list, a scheme that changes more than the grading (a category it lacks, an entry it
    // does not use) says so first, and is applied once confirmed.
    let confirming = use_state(|| None::<(Rc<Scheme>, apply::CategoryMapping)>);
    let apply = {
        let (result, on_apply, start) = (result.clone(), props.on_apply.clone(), start.clone());
        let (confirming, list) = (confirming.clone(), props.list.clone());
        let one = props.one.is_some();
        Callback::from(move |_: MouseEvent| {
            if let Ok(Tried { scheme, .. }) = result.as_ref() {
                let scheme = Rc::new(adjusted(scheme, &start));
                if !one && apply::consequences(&list, &scheme, &[], lang).ask() {
                    confirming.set(Some((scheme, Vec::new())));
                } else {
                    on_apply.emit((scheme, Vec::new()));
                }
            }
        })
    };
    let confirm = (*confirming).clone().map(|(scheme, mapping)| {
        let c = apply::consequences(&props.list, &scheme, &mapping, lang);
        let on_map = {
            let (confirming, scheme, mapping) =
                (confirming.clone(), scheme.clone(), mapping.clone());
            Callback::from(move |(word, id): (String, String)| {
                let mut mapping = mapping.clone();
                mapping.retain(|(w, _)| *w != word);
                if !id.is_empty() {
                    mapping.push((word, id));
                }
                confirming.set(Some((scheme.clone(), mapping)));
            })
        };
        let on_confirm = {
            let (on_apply, scheme, mapping) =
                (props.on_apply.clone(), scheme.clone(), mapping.clone());
            Callback::from(move |_: MouseEvent| on_apply.emit((scheme.clone(), mapping.clone())))
        };
        let on_back = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(None))
        };
        apply::confirm_view(&scheme, &c, &mapping, lang, on_map, on_confirm, on_back)
    });
    let toggle = {
        let only_changed = only_changed.clone();
        Callback::from(move |_: Event| only_changed.set(!*only_changed))
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let on_key = crate::shared::close_on_escape(&props.on_close);
    let dialog = crate::shared::use_focus_on_open();

    let one = props.one.is_some();
    // Any valid trial can be applied: to the list, or to the calculator (a preset with its
    // changes, or the trial whole as a scheme of the user's).
    let applicable = result.is_ok();
    let comparison = match result.as_ref() {
        Ok(Tried { scheme: after, .. }) if let Some(c) = &props.one => {
            one_view(&list, c, after, lang)
        }
        Ok(Tried {
            scheme: after,
            comparison: c,
            graded: after_graded,
        }) => {
            let listed = (0..list.rows.len())
                .filter(|i| !*only_changed || c.changed(*i))
                .count();
            let rows = list
                .rows
                .iter()
                .enumerate()
                .filter(|(i, _)| !*only_changed || c.changed(*i))
                .take(SHOWN_ROWS)
                .map(|(i, row)| {
                    let (b, a) = c.rows.get(i).cloned().unwrap_or((None, None));
                    let (bc, bt, bs) = shown(&b, &list.scheme, lang);
                    let (ac, at, as_) = shown(&a, after, lang);
                    let stars = with_stars(&list.scheme, after);
                    html! {
                        <tr class={classes!(c.changed(i).then_some("changed"))}>
                            <th scope="row">{ row.draft.name.clone() }</th>
                            <td class="num">{ bc }</td><td>{ bt }</td>
                            if stars { <td>{ bs }</td> }
                            <td class="num">{ ac }</td><td>{ at }</td>
                            if stars { <td>{ as_ }</td> }
                        </tr>
                    }
                })
                .collect::<Html>();
            let quotas = |id: &'static str,
                          scheme: &Scheme,
                          graded: &crate::list::derive::Graded| {
                html! {
                    <ul {id}>{ for graded.list.quotas.iter().map(|q| html! { <li>{ quota_line(scheme, q, lang) }</li> }) }</ul>
                }
            };
            html! {
                <>
                    <p class="trial-summary" id="trial-summary" role="status">{ c.summary(lang) }</p>
                    { matrix(c, &list.scheme, after, lang) }
                    { summary_view(&list.scheme, &before, after, after_graded, lang) }
                    <div class="trial-quotas">
                        <div><h4>{ if zh { "比例规则（调整前）" } else { "Quotas before" } }</h4>{ quotas("quotas-before", &list.scheme, &before) }</div>
                        <div><h4>{ if zh { "比例规则（调整后）" } else { "Quotas after" } }</h4>{ quotas("quotas-after", after, after_graded) }</div>
                    </div>
                    <label class="check"><input type="checkbox" id="trial-only-changed" checked={*only_changed} onchange={toggle} />
                        { if zh { "只看有变化的" } else { "Changed only" } }</label>
                    { rows_table("trial-rows", if zh { "调整前后" } else { "Before and after" },
                        &trial_cells(TRIAL_COLUMNS.to_vec(), with_stars(&list.scheme, after)), rows, lang) }
                    if listed > SHOWN_ROWS {
                        <p id="trial-more">{ if zh {
                            format!("只列出前 {SHOWN_ROWS} 个，共 {listed} 个")
                        } else {
                            format!("The first {SHOWN_ROWS} of {listed} are listed")
                        } }</p>
                    }
                </>
            }
        }
        Err(_) => html! {
            <p class="error" id="trial-invalid" role="alert">
                { if zh { "方案有误（见上方标出的项），改正后显示调整前后的对比" } else { "Correct the marked values to see the comparison" } }
            </p>
        },
    };

    // Shown over the weights for one organization, under the editor for a list.
    let (of_one, of_list) = if one {
        (comparison, Html::default())
    } else {
        (Html::default(), comparison)
    };

    html! {
        <section class="card dialog workshop" role="dialog" aria-modal="true" aria-labelledby="workshop-title"
            id="workshop" tabindex="-1" ref={dialog} onkeydown={on_key}>
            <div class="panel-head">
                <h2 id="workshop-title">{ if zh { "方案工坊 · 试算" } else { "Scheme workshop · what if" } }</h2>
                <button type="button" id="workshop-close" onclick={close}>{ if zh { "关闭" } else { "Close" } }</button>
            </div>
            <p id="workshop-start">{ format!("{}{}", if zh { "正在编辑：" } else { "Editing: " }, start.name.get(lang)) }
                { match (one, zh) {
                    (false, true) => "（与名单现用方案对比；名单本身不变）",
                    (false, false) => " (compared with the list's scheme; the list is not changed)",
                    (true, true) => "（与计算器现用方案对比；计算器本身不变，点“应用到计算器”才会采用）",
                    (true, false) => " (compared with the calculator's scheme; the calculator is not changed until it is applied)",
                } }</p>
            <div class="dialog-actions">
                <button type="button" id="workshop-undo" onclick={step(true)} disabled={!can_undo}>{ if zh { "撤销" } else { "Undo" } }</button>
                <button type="button" id="workshop-redo" onclick={step(false)} disabled={!can_redo}>{ if zh { "重做" } else { "Redo" } }</button>
                <button type="button" id="workshop-reset" onclick={reset_all}>{ if zh { "全部复位" } else { "Reset all" } }</button>
                <button type="button" id="workshop-apply" class="primary" onclick={apply} disabled={!applicable}>{ match (one, zh) {
                    (false, true) => "应用到名单",
                    (false, false) => "Apply to the list",
                    (true, true) => "应用到计算器",
                    (true, false) => "Apply to the calculator",
                } }</button>
                if !one {
                    <button type="button" id="workshop-export" onclick={export} disabled={result.is_err()}>{ if zh { "导出对比 CSV" } else { "Export comparison CSV" } }</button>
                    <button type="button" id="workshop-export-xlsx" onclick={export_xlsx} disabled={result.is_err()}>{ if zh { "导出对比 Excel" } else { "Export comparison Excel" } }</button>
                }
                <button type="button" id="workshop-save" onclick={save} disabled={result.is_err()}>{ if zh { "保存为方案文件" } else { "Save scheme file" } }</button>
                // Over the calculator, the scheme travels in its share link once applied.
                if !one {
                    <button type="button" id="workshop-link-make" onclick={make_link} disabled={result.is_err()}>{ if zh { "复制方案链接" } else { "Copy a link to the scheme" } }</button>
                }
                <label class="file">{ if zh { "打开方案文件" } else { "Open scheme file" } }
                    <input type="file" id="workshop-open" accept=".json,application/json" onchange={open} /></label>
            </div>
            if let Some(confirm) = confirm { { confirm } }
            if let Some(e) = (*opened_error).clone() { <p class="error" role="alert" id="workshop-open-error">{ e }</p> }
            if let Some(url) = (*link).clone() {
                <p class="dialog-actions"><label>{ if zh { "方案链接（已复制；打开后在方案工坊中显示对比，点“应用到名单”才会采用）" } else { "Link to the scheme (copied; it opens in the workshop, and is adopted only when applied)" } }
                    <input type="text" id="workshop-link" readonly=true value={url} /></label></p>
            }
            if matches!(props.linked, Some(Ok(_))) {
                <p id="workshop-linked">{ if zh { "这是链接带来的方案：名单本身不变，点“应用到名单”才会采用" } else { "This scheme came with a link: the list is unchanged until it is applied" } }</p>
            }
            <div class="dialog-actions">
                <label>{ if zh { "从此开始" } else { "Start from" } }
                    <select id="workshop-from" onchange={start_from}>
                        <option value="" selected=true disabled=true>{ "—" }</option>
                        { for dingji_rules::presets::all().iter().map(|p| html! { <option value={p.id.clone()}>{ p.name.get(lang) }</option> }) }
                        <option value="blank">{ if zh { "空白方案（从头编写）" } else { "A blank scheme (from nothing)" } }</option>
                    </select></label>
            </div>
            <div class="dialog-actions">
                <label>{ if zh { "方案名称" } else { "Name" } }
                    <input type="text" id="workshop-name" value={(*name).clone()} oninput={on_name}
                        placeholder={adjusted_name(&start.name).get(lang).to_owned()} /></label>
                <button type="button" id="workshop-keep" onclick={keep} disabled={result.is_err()}>{ if zh { "存入我的方案" } else { "Keep in my schemes" } }</button>
                if !mine.is_empty() {
                    <label>{ if zh { "我的方案" } else { "My schemes" } }
                        <select id="workshop-mine" onchange={pick_mine}>
                            <option value="" selected=true disabled=true>{ "—" }</option>
                            { for mine.iter().enumerate().map(|(i, (_, s))| html! { <option value={i.to_string()}>{ s.name.get(lang) }</option> }) }
                        </select></label>
                }
            </div>
            if unread > 0 {
                <p class="warning" id="workshop-mine-unread">{ if zh {
                    format!("我的方案中有 {unread} 个无法读取，已略过（仍保留在浏览器中）")
                } else {
                    format!("{unread} of my schemes could not be read and are skipped (still kept)")
                } }</p>
            }
            // Over the calculator, its one organization first: in sight while a weight is slid.
            if one {
                <h3>{ if zh { "对此组织的影响" } else { "What it changes for this organization" } }</h3>
                { of_one }
            }
            <h3>{ if zh { "权重" } else { "Weights" } }</h3>
            <div class="trial-fields">{ weight_fields }</div>
            if let Some(e) = weights_sum { <p class="error" id="trial-weights-sum">{ e }</p> }
            if let Some(offer) = balance_offer { { offer } }
            <h3>{ if zh { "分数线" } else { "Thresholds" } }</h3>
            <div class="trial-fields">{ threshold_fields }</div>
            if !trial.shares.is_empty() {
                <h3>{ if zh { "比例规则" } else { "Quotas" } }</h3>
                <div class="trial-fields">{ share_fields }</div>
            }
            <details class="editor-fold" id="editor-fold">
                <summary>{ if zh { "编辑方案的全部内容（评价主体、分类、指标、等次、星级、比例、否决）" } else { "Edit the whole scheme (sources, categories, indicators, tiers, stars, quotas, vetoes)" } }</summary>
                <SchemeEditor shape={as_tried.clone()} start={start.clone()} error={shape_error} {lang} on_change={on_shape} />
            </details>
            if !one {
                <h3>{ if zh { "对名单的影响" } else { "What it changes in the list" } }</h3>
                { of_list }
                <h3>{ if zh { "与去年对比" } else { "Against last year" } }</h3>
                <label class="file">{ if zh { "去年的名单（本程序导出的文件，或有组织名称、等次、星级列的 CSV / Excel）" } else { "Last year's list (exported by this app, or a CSV / Excel with name, tier and stars)" } }
                    <input type="file" id="workshop-last-year" accept=".csv,.txt,.xlsx,.xlsm" onchange={open_last} /></label>
                if let Some(e) = (*last_error).clone() { <p class="error" role="alert" id="year-error">{ e }</p> }
                { for year }
            }
        </section>
    }
}
