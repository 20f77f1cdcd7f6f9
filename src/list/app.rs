//! The list page: the committee's organizations as a spreadsheet, graded together under the
//! quota rules, with the 汇总表, the list to rectify, charts, the 公示 for print, and CSV / Excel
//! in and out. The list is saved in the browser (local storage, versioned) on every change.

use std::rc::Rc;

use dingji_rules::draft::Mode;
use dingji_rules::fmt::num;
use dingji_rules::scheme::SourceKind;
use dingji_rules::{Lang, Scheme, map, presets};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::derive::{GradeCache, Graded, RowResult, flag_labels, grade_with, to_next};
use super::files::{parse_delimited, write_csv};
use super::persist::{self, SAVE_DELAY_MS, initial, save_pending, today};
use super::state::{Action, ListState, Notice, View};
use super::views::charts::charts;
use super::views::grid::{GridProps, ROW_HEIGHT, cell_id, grid};
use super::views::import::ImportDialog;
use super::views::laggards::laggards;
use super::views::panel::panel;
use super::views::publicity::publicity;
use super::views::summary::{quota_line, summary};
use crate::shared::i18n::list_strings;
use crate::wire::columns::default_mode;
use crate::wire::explained::Explained;
use crate::wire::request::Request;
use crate::wire::sheets::{Cell, write_workbook};

/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: usize = 10;

/// Offers `bytes` to the user as a file named `name`.
fn download(name: &str, bytes: &js_sys::Uint8Array, mime: &str) {
    let parts = js_sys::Array::of1(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(a) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The download reads the blob after this returns: let it go a minute later.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
}

/// The list as records: the entries, then the results, as the page shows them.
fn records(state: &ListState, graded: &Graded) -> (Vec<String>, Vec<Vec<Cell>>) {
    let lang = state.lang;
    let s = list_strings(lang);
    let scheme = &state.scheme;
    let cols = state.columns();
    let mut headers: Vec<String> = cols.iter().map(|c| c.header(scheme, lang)).collect();
    headers.extend(
        [
            s.rank,
            s.composite,
            s.tier,
            s.stars,
            s.confirmer,
            s.to_next,
            s.flags,
        ]
        .map(String::from),
    );
    let decimals = scheme.rounding.decimals;
    let rows = state
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut cells: Vec<Cell> = cols
                .iter()
                .map(|c| Cell::Text(c.get(&row.draft, scheme)))
                .collect();
            match graded.result(i) {
                RowResult::Ok(r) => {
                    let number = Cell::number;
                    cells.push(Cell::number(r.rank.into(), 0));
                    cells.push(number(r.rounded, decimals));
                    cells.push(Cell::Text(scheme.tier_name(r.tier, lang).to_owned()));
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
                    cells.push(
                        to_next(scheme, r)
                            .map_or(Cell::Text(String::new()), |d| number(d, decimals)),
                    );
                    cells.push(Cell::Text(flag_labels(scheme, r, lang).join("；")));
                }
                RowResult::Failed(why) => cells.push(Cell::Text(why)),
                RowResult::Unread => cells.push(Cell::Text(s.unread.to_owned())),
            }
            cells
        })
        .collect();
    (headers, rows)
}

/// The 汇总表 as records, for the workbook.
fn summary_records(state: &ListState, graded: &Graded) -> Vec<Vec<Cell>> {
    let lang = state.lang;
    let s = list_strings(lang);
    let scheme = &state.scheme;
    let sum = &graded.summary;
    let mut head = vec![
        Cell::Text(s.filter_category.into()),
        Cell::Text(s.count.into()),
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
            .map_or(s.total, |c| c.name.get(lang));
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

#[component]
pub fn ListApp() -> Html {
    let schemes = use_memo((), |_| {
        presets::all().into_iter().map(Rc::new).collect::<Vec<_>>()
    });
    // The presets are compiled in: there is always a first (the hooks below run in the same
    // order on every render).
    let Some(first) = schemes.first().cloned() else {
        return Html::default();
    };
    let state = {
        let schemes = schemes.clone();
        use_reducer(move || initial(&schemes, first))
    };
    let dispatch = state.dispatcher().to_callback();
    // Rows graded alone at the last grading: an edit grades one organization again, not all.
    let grade_cache = use_mut_ref(GradeCache::default);
    let graded = {
        let st = state.clone();
        let grade_cache = grade_cache.clone();
        use_memo(
            (
                state.rows.clone(),
                state.scheme.clone(),
                state.view.clone(),
                state.lang,
            ),
            move |_| grade_with(&st, &mut grade_cache.borrow_mut()),
        )
    };
    let lang = state.lang;
    let s = list_strings(lang);
    let importing = use_state(|| false);
    // The 公示 is built only when asked for (10,000 names are not rebuilt at every edit).
    let previewing = use_state(|| false);
    let window = use_state(|| (0usize, 720usize));
    let scroller = use_node_ref();
    let top = use_node_ref();
    let bottom = use_node_ref();
    let editing = use_mut_ref(|| None);

    // Save what is saved a moment after it changes (typing through a list of 10,000 does not
    // write it at every cell), and at once when the page goes away; a failure is shown, never a
    // crash.
    let pending = use_mut_ref(|| None::<(UseReducerHandle<ListState>, i32)>);
    let loaded = use_mut_ref(|| true);
    {
        let pending = pending.clone();
        let loaded = loaded.clone();
        let dispatch = dispatch.clone();
        let st = state.clone();
        let key = (
            state.rows.clone(),
            state.modes.clone(),
            state.lang,
            state.rectify_from.clone(),
            state.rectify_months,
            state.scheme.id.clone(),
        );
        use_effect_with(key, move |_| {
            // What was just loaded is what is stored.
            if std::mem::replace(&mut *loaded.borrow_mut(), false) {
                return;
            }
            let window = gloo::utils::window();
            if let Some((_, timer)) = pending.borrow_mut().take() {
                window.clear_timeout_with_handle(timer);
            }
            let later = {
                let pending = pending.clone();
                wasm_bindgen::closure::Closure::once_into_js(move || {
                    save_pending(&pending, &dispatch)
                })
            };
            let timer = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    later.unchecked_ref(),
                    SAVE_DELAY_MS,
                )
                .unwrap_or(0);
            *pending.borrow_mut() = Some((st, timer));
        });
    }
    {
        let pending = pending.clone();
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let flush = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                save_pending(&pending, &dispatch)
            });
            let window = gloo::utils::window();
            let _ =
                window.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
            move || {
                let _ = window.remove_event_listener_with_callback(
                    "pagehide",
                    flush.as_ref().unchecked_ref(),
                );
            }
        });
    }

    // The open row's explanation, from the worker (the whole list goes, as saved: the quota rules
    // depend on every row); asked again when the list or the language changes.
    let explained = use_state(|| None::<(u64, Rc<Result<Explained, String>>)>);
    {
        let explained = explained.clone();
        let st = state.clone();
        use_effect_with(
            (state.open, state.rows.clone(), state.lang),
            move |(open, rows, lang)| {
                let Some(id) = *open else { return };
                let Some(row) = rows.iter().position(|r| r.id == id) else {
                    return;
                };
                let request = Request::ExplainRow {
                    saved: persist::to_text(&st),
                    row,
                    lang: *lang,
                };
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = request.send().await.map_err(|e| e.to_string());
                    explained.set(Some((id, Rc::new(answer))));
                });
            },
        );
    }

    let total = graded.order.len();
    let (scroll_top, height) = *window;
    let first = (scroll_top / ROW_HEIGHT)
        .saturating_sub(OVERSCAN)
        .min(total);
    let last = (first + height / ROW_HEIGHT + 2 * OVERSCAN).min(total);
    // The spacers stand for the rows not in the DOM; sized through the CSSOM.
    {
        let (top, bottom) = (top.clone(), bottom.clone());
        use_effect_with((first, last, total), move |&(first, last, total)| {
            for (node, rows) in [(top, first), (bottom, total.saturating_sub(last))] {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el
                        .style()
                        .set_property("height", &format!("{}px", rows * ROW_HEIGHT));
                }
            }
        });
    }
    // Keep the cursor's cell focused, scrolling it into view first.
    {
        let scroller = scroller.clone();
        let cursor = state.cursor;
        let window = window.clone();
        use_effect_with((cursor, first, last), move |&((row, col), first, last)| {
            let document = gloo::utils::document();
            let active = document
                .active_element()
                .map(|e| e.id())
                .unwrap_or_default();
            if !active.starts_with('c') || active == cell_id(row, col) {
                return;
            }
            if (first..last).contains(&row) && row >= first + OVERSCAN.min(first) {
                if let Some(input) = document
                    .get_element_by_id(&cell_id(row, col))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = input.focus();
                }
            } else if let Some(el) = scroller.cast::<web_sys::Element>() {
                let target =
                    (row * ROW_HEIGHT).saturating_sub(el.client_height().max(0) as usize / 2);
                el.set_scroll_top(i32::try_from(target).unwrap_or(0));
                window.set((target, el.client_height().max(0) as usize));
            }
        });
    }
    let on_scroll = {
        let window = window.clone();
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<web_sys::Element>();
            let now = (
                el.scroll_top().max(0) as usize,
                el.client_height().max(0) as usize,
            );
            if now.0 / ROW_HEIGHT != window.0 / ROW_HEIGHT || now.1 != window.1 {
                window.set(now);
            }
        })
    };
    // A block pasted from Excel or WPS fills from the cursor's cell.
    let on_paste = {
        let dispatch = dispatch.clone();
        let (row, col) = (
            graded
                .order
                .get(state.cursor.0)
                .copied()
                .unwrap_or(state.rows.len()),
            state.cursor.1,
        );
        Callback::from(move |e: Event| {
            let Ok(e) = e.dyn_into::<web_sys::ClipboardEvent>() else {
                return;
            };
            let text = e
                .clipboard_data()
                .and_then(|d| d.get_data("text/plain").ok())
                .unwrap_or_default();
            if !text.contains('\t') && !text.trim_end().contains('\n') {
                return;
            }
            e.prevent_default();
            dispatch.emit(Action::Paste {
                row,
                col,
                cells: parse_delimited(&text, '\t'),
            });
        })
    };

    let scheme = state.scheme.clone();
    let columns = state.columns();
    let scheme_options = schemes.iter().map(|x| {
        html! { <option value={x.id.clone()} selected={x.id == scheme.id}>{ x.name.get(lang) }</option> }
    });
    let on_scheme = {
        let dispatch = dispatch.clone();
        let schemes = schemes.clone();
        Callback::from(move |e: Event| {
            let id = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(x) = schemes.iter().find(|x| x.id == id) {
                dispatch.emit(Action::SetScheme(x.clone()));
            }
        })
    };
    let modes = scheme.sources.iter().filter(|src| !matches!(src.input, SourceKind::Direct)).map(|src| {
        let other = default_mode(&src.input);
        let current = map::get(&state.modes, &src.id).copied().unwrap_or(other);
        let dispatch = dispatch.clone();
        let source = src.id.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let mode = if value == "score" { Mode::Score } else { other };
            dispatch.emit(Action::SetMode { source: source.clone(), mode });
        });
        let other_label = if other == Mode::Votes { s.mode_votes } else { s.mode_indicators };
        html! {
            <label class="mode-pick">
                { format!("{}：", src.name.get(lang)) }
                <select id={format!("mode-{}", src.id)} {onchange}>
                    <option value="other" selected={current == other}>{ other_label }</option>
                    <option value="score" selected={current == Mode::Score}>{ s.mode_score }</option>
                </select>
            </label>
        }
    });
    let view = state.view.clone();
    let set_view = |f: fn(&mut View, String)| {
        let dispatch = dispatch.clone();
        let view = view.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut v = view.clone();
            f(&mut v, value);
            dispatch.emit(Action::SetView(v));
        })
    };
    let on_category = set_view(|v, x| v.category = Some(x).filter(|x| !x.is_empty()));
    let on_tier = set_view(|v, x| v.tier = x.parse().ok());
    let on_stars = set_view(|v, x| v.stars = x.parse().ok());
    let on_rank = {
        let dispatch = dispatch.clone();
        let view = view.clone();
        Callback::from(move |e: Event| {
            let by_rank = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            dispatch.emit(Action::SetView(View {
                by_rank,
                ..view.clone()
            }));
        })
    };
    let export_csv = {
        let state = state.clone();
        let graded = graded.clone();
        Callback::from(move |_: MouseEvent| {
            let (headers, rows) = records(&state, &graded);
            let mut all = vec![headers];
            all.extend(
                rows.iter()
                    .map(|r| r.iter().map(|c| c.text().to_owned()).collect()),
            );
            let csv = write_csv(&all);
            let bytes = js_sys::Uint8Array::from(csv.as_bytes());
            download("定级名单.csv", &bytes, "text/csv;charset=utf-8");
        })
    };
    let export_xlsx = {
        let state = state.clone();
        let graded = graded.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let (headers, mut rows) = records(&state, &graded);
            rows.insert(0, headers.into_iter().map(Cell::Text).collect());
            let sheets = vec![
                ("结果".to_owned(), rows),
                ("汇总表".to_owned(), summary_records(&state, &graded)),
                ("方案".to_owned(), scheme_records(&state.scheme, state.lang)),
            ];
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match write_workbook(&sheets).await {
                    Ok(bytes) => download(
                        "定级名单.xlsx",
                        &bytes,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ),
                    Err(why) => dispatch.emit(Action::Notify(Notice::Refused(why))),
                }
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let preview = {
        let previewing = previewing.clone();
        Callback::from(move |_: MouseEvent| previewing.set(!*previewing))
    };
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let on_import = {
        let dispatch = dispatch.clone();
        let importing = importing.clone();
        Callback::from(move |(drafts, append, modes)| {
            importing.set(false);
            dispatch.emit(Action::Import {
                drafts,
                append,
                modes,
            });
        })
    };
    let unread: Vec<Html> = state
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.parsed.as_ref().err().map(|e| (i, r, e)))
        .take(20)
        .flat_map(|(i, r, errors)| {
            errors.iter().map(move |e| html! { <li>{ format!("第 {} 行「{}」：{}", i + 1, r.draft.name, e.error) }</li> })
        })
        .collect();
    let notice = state.notice.clone().map(|n| {
        let (text, warning) = match n {
            Notice::BadStorage(why) => (format!("{}{why}", s.bad_storage), true),
            Notice::SaveFailed => (s.save_failed.to_owned(), true),
            Notice::Done(what) => (what, false),
            Notice::Refused(why) => (why, true),
        };
        html! {
            <div class={classes!("notice", warning.then_some("warning"))} role={if warning { "alert" } else { "status" }} id="notice">
                <p>{ text }</p>
                <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Dismiss)}>{ s.dismiss }</button>
            </div>
        }
    });

    html! {
        <div class="page list-page" lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            <header class="masthead">
                <div>
                    <h1>{ s.title }</h1>
                    <p class="subtitle">{ s.subtitle }</p>
                </div>
                <nav class="actions">
                    <a class="button" href="./" id="to-calculator">{ s.to_calculator }</a>
                    <button type="button" class="lang-toggle" onclick={dispatch.reform(move |_: MouseEvent| Action::SetLang(other))}>
                        { s.lang_toggle }
                    </button>
                </nav>
            </header>
            { for notice }
            <section class="card toolbar" aria-label={s.scheme}>
                <label>{ s.scheme }
                    <select id="list-scheme" onchange={on_scheme}>{ for scheme_options }</select>
                </label>
                { for modes }
                <div class="buttons">
                    <button type="button" id="add-row" onclick={dispatch.reform(|_: MouseEvent| Action::AddRow)}>{ s.add_row }</button>
                    <button type="button" id="undo" disabled={state.undo.is_empty()} onclick={dispatch.reform(|_: MouseEvent| Action::Undo)}>{ s.undo }</button>
                    <button type="button" id="redo" disabled={state.redo.is_empty()} onclick={dispatch.reform(|_: MouseEvent| Action::Redo)}>{ s.redo }</button>
                    <button type="button" id="import" onclick={{ let i = importing.clone(); Callback::from(move |_: MouseEvent| i.set(true)) }}>{ s.import }</button>
                    <button type="button" id="export-csv" onclick={export_csv}>{ s.export_csv }</button>
                    <button type="button" id="export-xlsx" onclick={export_xlsx}>{ s.export_xlsx }</button>
                    <button type="button" id="print" aria-pressed={previewing.to_string()} onclick={preview.clone()}>{ s.print }</button>
                </div>
            </section>
            if *importing {
                <ImportDialog
                    {lang}
                    scheme={scheme.clone()}
                    modes={state.modes.clone()}
                    blank={state.blank()}
                    {on_import}
                    on_close={{ let i = importing.clone(); Callback::from(move |()| i.set(false)) }}
                />
            }
            if *previewing {
                <section class="card print-preview" aria-labelledby="preview-title" id="print-preview">
                    <div class="panel-head no-print">
                        <h2 id="preview-title">{ s.preview_title }</h2>
                        <div class="buttons">
                            <button type="button" class="primary" id="print-now" onclick={print}>{ s.print_now }</button>
                            <button type="button" id="print-close" onclick={preview}>{ s.close }</button>
                        </div>
                    </div>
                    { publicity(&state, &graded, &today()) }
                </section>
            } else {
                <p class="print-hint">{ s.print_hint }</p>
            }
            <section class="card filters" aria-label={s.filter_category}>
                <label>{ s.filter_category }
                    <select id="filter-category" onchange={on_category}>
                        <option value="" selected={view.category.is_none()}>{ s.all }</option>
                        { for scheme.categories.iter().map(|c| html! { <option value={c.id.clone()} selected={view.category.as_deref() == Some(c.id.as_str())}>{ c.name.get(lang) }</option> }) }
                    </select>
                </label>
                <label>{ s.filter_tier }
                    <select id="filter-tier" onchange={on_tier}>
                        <option value="" selected={view.tier.is_none()}>{ s.all }</option>
                        { for scheme.tiers.iter().enumerate().map(|(i, t)| html! { <option value={i.to_string()} selected={view.tier == Some(i)}>{ t.name.get(lang) }</option> }) }
                    </select>
                </label>
                if let Some(stars) = &scheme.stars {
                    <label>{ s.filter_stars }
                        <select id="filter-stars" onchange={on_stars}>
                            <option value="" selected={view.stars.is_none()}>{ s.all }</option>
                            { for stars.levels.iter().map(|l| html! { <option value={l.stars.to_string()} selected={view.stars == Some(l.stars)}>{ l.name.get(lang) }</option> }) }
                        </select>
                    </label>
                }
                <label class="check"><input type="checkbox" id="by-rank" checked={view.by_rank} onchange={on_rank} />{ s.sort_by_rank }</label>
                <span class="muted" id="row-count">{ format!("{} / {} {}", total, state.rows.len(), s.count_rows) }</span>
            </section>
            if !unread.is_empty() {
                <section class="card errors-box" role="alert" id="unread">
                    <p>{ s.errors_title }</p>
                    <ul class="errors">{ for unread }</ul>
                </section>
            }
            <div class="grid-wrap" ref={scroller} onscroll={on_scroll} onpaste={on_paste} tabindex="0" aria-label={s.grid_label}>
                { grid(&GridProps { state: &state, graded: &graded, columns: &columns, first, last, top, bottom, dispatch: &dispatch, editing: &editing }) }
                if state.rows.is_empty() {
                    <p class="muted empty">{ s.empty }</p>
                }
            </div>
            { panel(&state, &explained, &dispatch) }
            <div class="list-results">
                { summary(&scheme, &graded, lang) }
                { laggards(&state, &graded, &dispatch) }
            </div>
            { charts(&scheme, &graded, state.rows.len(), lang) }
            <footer class="footer">
                <p class="citation"><strong>{ s.source_of_rules }{ "：" }</strong>{ scheme.citation.get(lang) }</p>
                <p>{ s.privacy }</p>
            </footer>
        </div>
    }
}

/// The scheme's main numbers, for the workbook's third sheet.
fn scheme_records(scheme: &Scheme, lang: Lang) -> Vec<Vec<Cell>> {
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
