//! The list page's bars: the toolbar (scheme, forms of entry, rows, files, print), the filters of
//! the results, the message above the list and the rows that cannot be read.

use std::rc::Rc;

use dingji_rules::draft::Mode;
use dingji_rules::scheme::SourceKind;
use dingji_rules::{Lang, Scheme, map};
use yew::prelude::*;

use crate::list::state::{Action, ListState, Notice, View};
use crate::shared::i18n::{fill, list_strings, row_error_message};
use crate::wire::columns::default_mode;
use crate::wire::tools::Export;

pub struct ToolbarProps {
    /// Every preset.
    pub schemes: Rc<Vec<Rc<Scheme>>>,
    pub state: UseReducerHandle<ListState>,
    /// Whether the 公示 preview is open.
    pub previewing: bool,
    /// Open the import dialog.
    pub on_import: Callback<()>,
    /// Open the scheme workshop.
    pub on_workshop: Callback<()>,
    /// Open or close the 公示 preview.
    pub on_preview: Callback<()>,
    /// Open the tally (计票).
    pub on_tally: Callback<()>,
    /// Export the list (done in the tools bundle, loaded on first use).
    pub on_export: Callback<Export>,
}

/// The scheme, the form each source is entered in, and the list's actions.
pub fn toolbar(props: &ToolbarProps) -> Html {
    let (state, schemes) = (&props.state, &props.schemes);
    let dispatch = state.dispatcher().to_callback();
    let lang = state.lang;
    let s = list_strings(lang);
    let scheme = state.scheme.clone();
    // A scheme applied from the workshop is listed first, chosen; the presets follow.
    let custom = (!schemes.iter().any(|x| x.id == scheme.id)).then(|| {
        html! { <option value={scheme.id.clone()} selected=true>{ scheme.name.get(lang) }</option> }
    });
    let scheme_options = custom.into_iter().chain(schemes.iter().map(|x| {
        html! { <option value={x.id.clone()} selected={x.id == scheme.id}>{ x.name.get(lang) }</option> }
    }));
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
        let other_label = if other == Mode::Votes { s.mode_votes() } else { s.mode_indicators() };
        html! {
            <label class="mode-pick">
                { src.name.get(lang) }{ s.colon() }
                <select id={format!("mode-{}", src.id)} {onchange}>
                    <option value="other" selected={current == other}>{ other_label }</option>
                    <option value="score" selected={current == Mode::Score}>{ s.mode_score() }</option>
                </select>
            </label>
        }
    });
    let export_csv = props.on_export.reform(|_: MouseEvent| Export::Csv);
    let export_xlsx = props.on_export.reform(|_: MouseEvent| Export::Xlsx);
    let import = props.on_import.reform(|_: MouseEvent| ());
    let workshop = props.on_workshop.reform(|_: MouseEvent| ());
    let preview = props.on_preview.reform(|_: MouseEvent| ());
    let tally = props.on_tally.reform(|_: MouseEvent| ());
    html! {
    <section class="card toolbar" aria-label={s.scheme()}>
        <label>{ s.scheme() }
            <select id="list-scheme" onchange={on_scheme}>{ for scheme_options }</select>
        </label>
        { for modes }
        <div class="buttons">
            <button type="button" id="add-row" onclick={dispatch.reform(|_: MouseEvent| Action::AddRow)}>{ s.add_row() }</button>
            <button type="button" id="undo" disabled={!state.history.can_undo()} onclick={dispatch.reform(|_: MouseEvent| Action::Undo)}>{ s.undo() }</button>
            <button type="button" id="redo" disabled={!state.history.can_redo()} onclick={dispatch.reform(|_: MouseEvent| Action::Redo)}>{ s.redo() }</button>
            <button type="button" id="import" onclick={import}>{ s.import() }</button>
            <button type="button" id="open-workshop" onclick={workshop}>{ s.workshop() }</button>
            <button type="button" id="export-csv" onclick={export_csv}>{ s.export_csv() }</button>
            <button type="button" id="export-xlsx" onclick={export_xlsx}>{ s.export_xlsx() }</button>
            <button type="button" id="open-tally" onclick={tally}>{ s.tally() }</button>
            <button type="button" id="print" aria-pressed={props.previewing.to_string()} onclick={preview}>{ s.print() }</button>
        </div>
    </section>
    }
}

pub struct FiltersProps {
    pub state: UseReducerHandle<ListState>,
    /// The number of rows shown.
    pub shown: usize,
}

/// Which results are shown, and in which order.
pub fn filters(props: &FiltersProps) -> Html {
    let state = &props.state;
    let dispatch = state.dispatcher().to_callback();
    let lang = state.lang;
    let s = list_strings(lang);
    let scheme = state.scheme.clone();
    let total = props.shown;
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
    html! {
    <section class="card filters" aria-label={s.filter_category()}>
        <label>{ s.filter_category() }
            <select id="filter-category" onchange={on_category}>
                <option value="" selected={view.category.is_none()}>{ s.all() }</option>
                { for scheme.categories.iter().map(|c| html! { <option value={c.id.clone()} selected={view.category.as_deref() == Some(c.id.as_str())}>{ c.name.get(lang) }</option> }) }
            </select>
        </label>
        <label>{ s.filter_tier() }
            <select id="filter-tier" onchange={on_tier}>
                <option value="" selected={view.tier.is_none()}>{ s.all() }</option>
                { for scheme.tiers.iter().enumerate().map(|(i, t)| html! { <option value={i.to_string()} selected={view.tier == Some(i)}>{ t.name.get(lang) }</option> }) }
            </select>
        </label>
        if let Some(stars) = &scheme.stars {
            <label>{ s.filter_stars() }
                <select id="filter-stars" onchange={on_stars}>
                    <option value="" selected={view.stars.is_none()}>{ s.all() }</option>
                    { for stars.levels.iter().map(|l| html! { <option value={l.stars.to_string()} selected={view.stars == Some(l.stars)}>{ l.name.get(lang) }</option> }) }
                </select>
            </label>
        }
        <label class="check"><input type="checkbox" id="by-rank" checked={view.by_rank} onchange={on_rank} />{ s.sort_by_rank() }</label>
        <span class="muted" id="row-count">{ format!("{} / {} {}", total, state.rows.len(), s.count_rows()) }</span>
    </section>
    }
}

pub struct NoticesProps {
    pub state: UseReducerHandle<ListState>,
}

/// The message above the list, until dismissed.
pub fn notice(props: &NoticesProps) -> Html {
    let state = &props.state;
    let dispatch = state.dispatcher().to_callback();
    let s = list_strings(state.lang);
    let Some(n) = state.notice.clone() else {
        return Html::default();
    };
    let only_copy_notice = matches!(n, Notice::BadStorage { kept: false, .. });
    let (text, warning) = match n {
        Notice::BadStorage { why, kept } => {
            let lead = if kept {
                s.bad_storage()
            } else {
                s.bad_storage_not_kept()
            };
            (format!("{lead}{}", why.message(state.lang)), true)
        }
        Notice::SaveFailed => (s.save_failed().to_owned(), true),
        Notice::Done(what) => (what, false),
        Notice::Refused(why) => (why.message(state.lang), true),
    };
    // The only copy of an unreadable saved list: downloaded or discarded, never dismissed
    // (until then nothing is saved over it).
    let only_copy = state.unreadable.clone().map(|text| {
        crate::shared::only_copy_buttons(
            text,
            "定级名单-无法读取的原内容.txt",
            (s.unreadable_download(), s.unreadable_discard()),
            dispatch.reform(|()| Action::ReleaseUnreadable),
        )
    });
    html! {
        <div class={classes!("notice", warning.then_some("warning"))} role={if warning { "alert" } else { "status" }} id="notice">
            <p>{ text }</p>
            if let Some(buttons) = only_copy.filter(|_| only_copy_notice) {
                { buttons }
            } else {
                <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Dismiss)}>{ s.dismiss() }</button>
            }
        </div>
    }
}

/// The rows whose entries cannot be read (the first 20), each error with its row.
pub fn unread(props: &NoticesProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let s = list_strings(lang);
    let unread: Vec<Html> = state
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.parsed.as_ref().err().map(|e| (i, r, e)))
        .take(20)
        .flat_map(|(i, r, errors)| {
            errors.iter().map(move |e| {
                let at = (i + 1, r.draft.name.as_str());
                html! { <li>{ row_error_message(&e.error, &e.field, at, &state.scheme, lang) }</li> }
            })
        })
        .collect();
    if unread.is_empty() {
        return Html::default();
    }
    html! {
        <section class="card errors-box" role="alert" id="unread">
            <p>{ s.errors_title() }</p>
            <ul class="errors">{ for unread }</ul>
        </section>
    }
}

/// What the consequences bar shows: an override's question (its lines) with its answers, and the
/// rows the last edit moved.
pub struct ConsequencesProps {
    pub pending: Option<Rc<Vec<String>>>,
    pub confirm: Callback<()>,
    pub cancel: Callback<()>,
    pub moved: Rc<Vec<(u64, String)>>,
}

/// What an edit does to the other rows: an override that would move others, asked before it is
/// applied; after an edit, the rows it moved.
pub fn consequences_bar(c: &ConsequencesProps, lang: Lang) -> Html {
    let s = list_strings(lang);
    let join =
        |lines: &mut dyn Iterator<Item = &str>| lines.collect::<Vec<_>>().join(s.lines_separator());
    html! {
        <>
            if let Some(p) = &c.pending {
                <div class="card confirm" role="alertdialog" aria-labelledby="override-confirm-text" id="override-confirm">
                    <p id="override-confirm-text">{ s.override_moves_quota() }
                        { join(&mut p.iter().map(String::as_str)) }</p>
                    <div class="buttons">
                        <button type="button" class="primary" id="override-confirm-yes" onclick={c.confirm.reform(|_: MouseEvent| ())}>{ s.apply_override() }</button>
                        <button type="button" id="override-confirm-no" onclick={c.cancel.reform(|_: MouseEvent| ())}>{ s.cancel_override() }</button>
                    </div>
                </div>
            }
            if !c.moved.is_empty() {
                <p class="moved-note" role="status" id="consequences">
                    { format!("{}{}", fill(s.moved_with_edit(), &[&c.moved.len().to_string()]),
                        join(&mut c.moved.iter().take(20).map(|(_, l)| l.as_str()))) }
                </p>
            }
        </>
    }
}
