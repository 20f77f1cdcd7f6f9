//! The scheme workshop (方案工坊), in the tools bundle: every weight (a slider that keeps the
//! total at 100, and the number as typed), every threshold and the quota shares of the scheme
//! being edited, each marked where it differs from where it started and reset one by one or all
//! at once; the whole scheme in the editor; a scheme file saved or opened, a link, my schemes;
//! and, at each change, what the trial does to the list (or to the calculator's organization).
//!
//! The state lives in [`WorkshopState`] and changes by its actions; this component wires the
//! panels to it: [`fields`] (the values tried), [`comparison`] (what they change), [`year`]
//! (against last year), [`files`] (what is saved, opened and kept).

mod comparison;
mod fields;
mod files;
mod year;

use std::rc::Rc;

use dingji_rules::Scheme;
use yew::prelude::*;

use crate::list::derive::grade;
use crate::list::state::ListState;
use crate::shared::i18n::fill;
use crate::tools::editor::view::SchemeEditor;
use crate::tools::strings::{ToolStrings, tool_strings};
use crate::tools::workshop::export::{Word, label};
use crate::tools::workshop::state::{Action, Over, WorkshopState};
use crate::tools::workshop::{adjusted, adjusted_name, against_last_year, apply, try_out};
use crate::wire::Error;
use crate::wire::schemes::{MY_SCHEMES_KEY, my_schemes};

#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    /// The list, graded under its own scheme: what a trial is compared with (over the
    /// calculator, its one organization).
    pub list: Rc<ListState>,
    /// The scheme a link carried, to start from (or why it could not be read).
    #[prop_or_default]
    pub linked: Option<Result<Rc<Scheme>, Error>>,
    pub on_close: Callback<()>,
    /// Grade the list under the trial's scheme (named as adjusted), its category words the
    /// scheme lacks mapped to its categories (word, category id), and close.
    pub on_apply: Callback<(Rc<Scheme>, apply::CategoryMapping)>,
    /// What the workshop is opened over.
    #[prop_or_default]
    pub over: Over,
}

/// A select whose option names a scheme to start from (`scheme` reads the option's value).
fn chosen(
    send: &Callback<Action>,
    scheme: impl Fn(String) -> Option<Scheme> + 'static,
) -> Callback<Event> {
    let send = send.clone();
    Callback::from(move |e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        if let Some(s) = scheme(value) {
            send.emit(Action::StartFrom(Rc::new(s)));
        }
    })
}

#[component]
pub fn Workshop(props: &WorkshopProps) -> Html {
    let lang = props.list.lang;
    let t = tool_strings(lang);
    let list = props.list.clone();
    let state = use_reducer(|| {
        let (scheme, error) = match &props.linked {
            Some(Ok(scheme)) => (scheme.clone(), None),
            Some(Err(why)) => (list.scheme.clone(), Some(why.to_string())),
            None => (list.scheme.clone(), None),
        };
        let kept = gloo::utils::window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(MY_SCHEMES_KEY).ok().flatten())
            .unwrap_or_default();
        WorkshopState::new(scheme, error, kept)
    });
    let send: Callback<Action> = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(a))
    };
    let before = use_memo(list.clone(), |list| grade(list));
    let edited = &state.edited;
    let result = use_memo((edited.shape.clone(), edited.trial.clone()), {
        let (list, before) = (list.clone(), before.clone());
        move |(shape, trial)| try_out(&list, &before, shape, trial)
    });
    let start = edited.start.clone();
    let errors = (*result).as_ref().err().map(|e| &**e);
    let calculator = props.over.calculator();
    let one = calculator.is_some();

    // The editor works on the scheme as tried (the values typed, where they read), so that a
    // change of shape keeps them.
    let as_tried: Rc<Scheme> = match result.as_ref() {
        Ok(tried) => tried.scheme.clone(),
        Err(_) => edited.shape.clone(),
    };
    let on_shape = {
        let (send, as_tried) = (send.clone(), as_tried.clone());
        Callback::from(move |new: Scheme| {
            send.emit(Action::Shape {
                as_tried: as_tried.clone(),
                new: Rc::new(new),
            })
        })
    };
    let shape_error = errors.and_then(|e| e.shape.clone());
    // Where to start from: a preset, or nothing.
    let start_from = chosen(&send, |value| {
        if value == "blank" {
            Some(crate::tools::editor::blank())
        } else {
            dingji_rules::presets::by_id(&value).ok()
        }
    });
    let (mine, unread) = my_schemes(&state.kept);
    let pick_mine = {
        let mine = mine.clone();
        chosen(&send, move |value| {
            let i = value.parse::<usize>().ok()?;
            mine.get(i).map(|(_, scheme)| scheme.clone())
        })
    };
    let on_name = send.reform(|e: InputEvent| {
        Action::Name(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    });
    let tried = result.as_ref().as_ref().ok();
    let save = files::save(&result, &start);
    let open = files::open(&send, lang);
    let open_last = files::open_last(&send, &list.scheme, lang);
    let year = state.last.as_ref().zip(tried).map(|(l, tried)| {
        let y = against_last_year(&list, &tried.graded, tried.scheme.tiers.len(), l);
        year::year_view(&y, l, &list, &tried.scheme, lang)
    });
    let export = files::export_csv(&result, &list, state.last.clone(), lang);
    let export_xlsx = files::export_xlsx(&result, &list, &before, state.last.clone(), lang);
    let keep = files::keep(&result, &start, &state, &send);
    let make_link = files::make_link(&result, &start, &send);

    // Over a list, a scheme that changes more than the grading (a category it lacks, an entry it
    // does not use) says so first, and is applied once confirmed.
    let apply = {
        let (tried, on_apply, start) = (
            tried.map(|t| t.scheme.clone()),
            props.on_apply.clone(),
            start.clone(),
        );
        let (send, list) = (send.clone(), list.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(scheme) = &tried {
                let scheme = Rc::new(adjusted(scheme, &start));
                if !one && apply::consequences(&list, &scheme, &[], lang).ask() {
                    send.emit(Action::Confirming(Some((scheme, Vec::new()))));
                } else {
                    on_apply.emit((scheme, Vec::new()));
                }
            }
        })
    };
    let confirm = state.confirming.clone().map(|(scheme, mapping)| {
        let c = apply::consequences(&list, &scheme, &mapping, lang);
        let on_map =
            send.reform(|(word, category): (String, String)| Action::Map { word, category });
        let on_confirm = {
            let (on_apply, scheme, mapping) =
                (props.on_apply.clone(), scheme.clone(), mapping.clone());
            Callback::from(move |_: MouseEvent| on_apply.emit((scheme.clone(), mapping.clone())))
        };
        let on_back = send.reform(|_: MouseEvent| Action::Confirming(None));
        apply::confirm_view(&scheme, &c, &mapping, lang, on_map, on_confirm, on_back)
    });
    let close = props.on_close.reform(|_: MouseEvent| ());
    let on_key = crate::shared::close_on_escape(&props.on_close);
    let dialog = crate::shared::use_focus_on_open();

    let comparison = match (tried, calculator) {
        (Some(tried), Some(c)) => comparison::one_view(&list, c, &tried.scheme, lang),
        (Some(tried), None) => comparison::list_view(
            &list,
            &before,
            tried,
            state.only_changed,
            send.reform(Action::OnlyChanged),
            lang,
        ),
        (None, _) => html! {
            <p class="error" id="trial-invalid" role="alert">
                { tool_strings(lang).correct_the_marked_values_to() }
            </p>
        },
    };
    // Shown over the weights for one organization, under the editor for a list.
    let (of_one, of_list) = if one {
        (comparison, Html::default())
    } else {
        (Html::default(), comparison)
    };
    let invalid = tried.is_none();
    let button = |id: &'static str, word: Word, on: Callback<MouseEvent>, disabled: bool| {
        html! {
            <button type="button" {id} onclick={on} {disabled}>{ label(lang, word) }</button>
        }
    };

    html! {
        <section class="card dialog workshop" role="dialog" aria-modal="true" aria-labelledby="workshop-title"
            id="workshop" tabindex="-1" ref={dialog} onkeydown={on_key}>
            <div class="panel-head">
                <h2 id="workshop-title">{ tool_strings(lang).scheme_workshop_what_if() }</h2>
                <button type="button" id="workshop-close" onclick={close}>{ tool_strings(lang).close() }</button>
            </div>
            <p id="workshop-start">{ format!("{}{}", tool_strings(lang).editing(), start.name.get(lang)) }
                { if one { t.compared_with_the_calculator() } else { t.compared_with_the_list() } }</p>
            <div class="dialog-actions">
                { button("workshop-undo", ToolStrings::undo, send.reform(|_| Action::Undo), !state.can_undo()) }
                { button("workshop-redo", ToolStrings::redo, send.reform(|_| Action::Redo), !state.can_redo()) }
                { button("workshop-reset", ToolStrings::reset_all, send.reform(|_| Action::ResetAll), false) }
                <button type="button" id="workshop-apply" class="primary" onclick={apply} disabled={invalid}>{ if one { t.apply_to_the_calculator() } else { t.apply_to_the_list() } }</button>
                if !one {
                    { button("workshop-export", ToolStrings::export_comparison_csv, export, invalid) }
                    { button("workshop-export-xlsx", ToolStrings::export_comparison_excel, export_xlsx, invalid) }
                }
                { button("workshop-save", ToolStrings::save_scheme_file, save, invalid) }
                // Over the calculator, the scheme travels in its share link once applied.
                if !one {
                    { button("workshop-link-make", ToolStrings::copy_a_link_to_the, make_link, invalid) }
                }
                <label class="file">{ tool_strings(lang).open_scheme_file() }
                    <input type="file" id="workshop-open" accept=".json,application/json" onchange={open} /></label>
            </div>
            if let Some(confirm) = confirm { { confirm } }
            if let Some(e) = state.open_error.clone() { <p class="error" role="alert" id="workshop-open-error">{ e }</p> }
            if let Some(url) = state.link.clone() {
                <p class="dialog-actions"><label>{ tool_strings(lang).link_to_the_scheme_copied() }
                    <input type="text" id="workshop-link" readonly=true value={url} /></label></p>
            }
            if matches!(props.linked, Some(Ok(_))) {
                <p id="workshop-linked">{ tool_strings(lang).this_scheme_came_with_a() }</p>
            }
            <div class="dialog-actions">
                <label>{ tool_strings(lang).start_from() }
                    <select id="workshop-from" onchange={start_from}>
                        <option value="" selected=true disabled=true>{ "—" }</option>
                        { for dingji_rules::presets::all().iter().map(|p| html! { <option value={p.id.clone()}>{ p.name.get(lang) }</option> }) }
                        <option value="blank">{ tool_strings(lang).a_blank_scheme_from_nothing() }</option>
                    </select></label>
            </div>
            <div class="dialog-actions">
                <label>{ tool_strings(lang).scheme_name() }
                    <input type="text" id="workshop-name" value={state.name.clone()} oninput={on_name}
                        placeholder={adjusted_name(&start.name).get(lang).to_owned()} /></label>
                { button("workshop-keep", ToolStrings::keep_in_my_schemes, keep, invalid) }
                if !mine.is_empty() {
                    <label>{ tool_strings(lang).my_schemes() }
                        <select id="workshop-mine" onchange={pick_mine}>
                            <option value="" selected=true disabled=true>{ "—" }</option>
                            { for mine.iter().enumerate().map(|(i, (_, s))| html! { <option value={i.to_string()}>{ s.name.get(lang) }</option> }) }
                        </select></label>
                }
            </div>
            if unread > 0 {
                <p class="warning" id="workshop-mine-unread">{ fill(t.my_schemes_unread(), &[&unread.to_string()]) }</p>
            }
            // Over the calculator, its one organization first: in sight while a weight is slid.
            if one {
                <h3>{ tool_strings(lang).what_it_changes_for_this() }</h3>
                { of_one }
            }
            { fields::trial_fields(&state, errors, &send, lang) }
            <details class="editor-fold" id="editor-fold">
                <summary>{ tool_strings(lang).edit_the_whole_scheme_sources() }</summary>
                <SchemeEditor shape={as_tried.clone()} start={start.clone()} error={shape_error} {lang} on_change={on_shape} />
            </details>
            if !one {
                <h3>{ tool_strings(lang).what_it_changes_in_the() }</h3>
                { of_list }
                <h3>{ tool_strings(lang).against_last_year() }</h3>
                <label class="file">{ tool_strings(lang).last_year_s_list_exported() }
                    <input type="file" id="workshop-last-year" accept=".csv,.txt,.xlsx,.xlsm" onchange={open_last} /></label>
                if let Some(e) = state.last_error.clone() { <p class="error" role="alert" id="year-error">{ e }</p> }
                { for year }
            }
        </section>
    }
}
