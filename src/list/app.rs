//! The list page: the committee's organizations as a spreadsheet, graded together under the
//! quota rules, with the 汇总表, the list to rectify, charts, the 公示 for print, and CSV / Excel
//! in and out. The list is saved in the browser (local storage, versioned) on every change.

use dingji_rules::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::hooks::{
    VirtualWindow, use_consequences, use_explained_row, use_graded, use_preset_texts, use_saving,
    use_virtual_window,
};
use super::persist::{self, initial};
use super::state::{Action, Notice};
use super::views::charts::charts;
use super::views::grid::{GridProps, grid};
use super::views::laggards::laggards;
use super::views::panel::panel;
use super::views::summary::summary;
use super::views::toolbar::{
    FiltersProps, NoticesProps, ToolbarProps, consequences_bar, filters, notice, toolbar, unread,
};
use crate::shared::i18n::list_strings;

#[component]
pub fn ListApp() -> Html {
    // Read again when the English catalogue comes in: it holds the presets' English.
    let schemes = use_memo(crate::shared::i18n::has_english(), |_| {
        crate::shared::i18n::presets()
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
    let grade_cache = use_mut_ref(Default::default);
    let graded = use_graded(&state, &grade_cache);
    let consequences = use_consequences(&state, &graded, &grade_cache);
    let lang = state.lang;
    let s = list_strings(lang);
    crate::shared::use_document_lang(lang, s.title());
    let importing = use_state(|| false);
    // The 公示 is built only when asked for (10,000 names are not rebuilt at every edit).
    let previewing = use_state(|| false);
    let editing = use_mut_ref(|| None);

    use_saving(&state, &dispatch, &schemes);
    use_preset_texts(&state, &dispatch, &schemes);
    let explained = use_explained_row(&state);
    let total = graded.order.len();
    let VirtualWindow {
        first,
        last,
        scroller,
        top,
        bottom,
        on_scroll,
    } = use_virtual_window(total, state.cursor, state.added);
    // A block pasted from Excel or WPS fills from the cursor's cell. It is read in the tools
    // bundle (fetched on the first paste): the page hands it the list as saved-list text and
    // takes back the rows the paste changed or added.
    let on_paste = {
        let dispatch = consequences.dispatch.clone();
        let graded = graded.clone();
        let state = state.clone();
        let schemes = schemes.clone();
        let (position, col) = state.cursor;
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
            // Into the rows shown from the cursor down, sorted or filtered as they are.
            let targets = graded.order.get(position..).unwrap_or_default().to_vec();
            let (dispatch, schemes, before) =
                (dispatch.clone(), schemes.clone(), state.rows.clone());
            let answer = Callback::from(move |answer: super::tools::PasteAnswer| {
                let read = answer.and_then(|(text, said)| {
                    persist::from_text(&text, &schemes).map(|list| (list, said))
                });
                dispatch.emit(match read {
                    Ok((list, said)) => Action::pasted(&before, &list.rows, said),
                    Err(why) => Action::Notify(Notice::Refused(why)),
                });
            });
            super::tools::paste(
                persist::to_text(&state),
                targets,
                col,
                text,
                state.lang,
                answer,
            );
        })
    };

    let scheme = state.scheme.clone();
    let columns = state.columns();
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    // 导入 loads the import dialog's own bundle and opens it over the list; its answer is the
    // imported list as saved-list text, read here into the drafts it holds.
    let on_import = {
        let dispatch = dispatch.clone();
        let importing = importing.clone();
        let state = state.clone();
        let schemes = schemes.clone();
        Callback::from(move |()| {
            if *importing {
                return;
            }
            importing.set(true);
            let (dispatch, importing, schemes) =
                (dispatch.clone(), importing.clone(), schemes.clone());
            let answer = Callback::from(move |answer: super::tools::Answer| {
                importing.set(false);
                match answer.and_then(|a| {
                    a.map(|(text, append)| persist::from_text(&text, &schemes).map(|l| (l, append)))
                        .transpose()
                }) {
                    Ok(Some((list, append))) => dispatch.emit(Action::Import {
                        drafts: list.rows.iter().map(|r| r.draft.clone()).collect(),
                        append,
                        modes: list.modes,
                    }),
                    Ok(None) => {}
                    Err(why) => dispatch.emit(Action::Notify(Notice::Refused(why))),
                }
            });
            super::tools::open(
                super::tools::Tool::Import,
                persist::to_text(&state),
                state.lang,
                answer,
            );
        })
    };
    // 方案工坊 opens the workshop (the same bundle) over the list; the list changes only when a
    // trial is applied to it. A link to a scheme (list.html#scheme=…) opens it there too.
    let open_workshop = {
        let importing = importing.clone();
        let state = state.clone();
        let dispatch = dispatch.clone();
        let schemes = schemes.clone();
        Callback::from(move |linked: Option<String>| {
            if *importing {
                return;
            }
            importing.set(true);
            let (importing, dispatch, schemes) =
                (importing.clone(), dispatch.clone(), schemes.clone());
            // Applied: the list under the scheme tried, as saved-list text; its scheme is taken.
            let answer = Callback::from(move |answer: super::tools::Answer| {
                importing.set(false);
                match answer.and_then(|a| {
                    a.map(|(text, _)| persist::from_text(&text, &schemes))
                        .transpose()
                }) {
                    Ok(Some(list)) => match list.scheme_data {
                        Some(data) => dispatch.emit(Action::Adopt(list.scheme, data)),
                        None => dispatch.emit(Action::SetScheme(list.scheme)),
                    },
                    Ok(None) => {}
                    Err(why) => dispatch.emit(Action::Notify(Notice::Refused(why))),
                }
            });
            super::tools::open(
                super::tools::Tool::Workshop(linked),
                persist::to_text(&state),
                state.lang,
                answer,
            );
        })
    };

    let on_workshop = open_workshop.reform(|()| None);
    // At load, and when a link is pasted into the address bar of the open page; the address then
    // no longer carries the scheme (a reload shows the saved list).
    {
        let open_workshop = open_workshop.clone();
        use_effect_with((), move |_| {
            let opened = move || {
                let location = gloo::utils::window().location();
                let hash = location.hash().unwrap_or_default();
                if let Some(data) = hash
                    .strip_prefix('#')
                    .and_then(|h| h.strip_prefix(crate::wire::list::SCHEME_LINK))
                {
                    open_workshop.emit(Some(data.to_owned()));
                    let _ = location.set_hash("");
                }
            };
            opened();
            let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(opened);
            gloo::utils::window()
                .set_onhashchange(Some(wasm_bindgen::JsCast::unchecked_ref(listener.as_ref())));
            listener.forget();
        });
    }

    // 导出 loads the tools bundle, which grades the list from its saved text as this page does
    // and writes the file.
    let on_export = {
        let (state, dispatch) = (state.clone(), dispatch.clone());
        Callback::from(move |kind| {
            let dispatch = dispatch.clone();
            let answer = Callback::from(move |done: Result<(), String>| {
                if let Err(why) = done {
                    dispatch.emit(Action::Notify(Notice::Refused(why)));
                }
            });
            super::tools::export(kind, persist::to_text(&state), state.lang, answer);
        })
    };
    // 打印公示 previews the 公示 over the list (the tools bundle); printed from there.
    let on_preview = {
        let (importing, previewing, state) = (importing.clone(), previewing.clone(), state.clone());
        Callback::from(move |()| {
            if *importing {
                return;
            }
            importing.set(true);
            previewing.set(true);
            let (importing, previewing) = (importing.clone(), previewing.clone());
            let answer = Callback::from(move |_: super::tools::Answer| {
                importing.set(false);
                previewing.set(false);
            });
            super::tools::open(
                super::tools::Tool::Publicity,
                persist::to_text(&state),
                state.lang,
                answer,
            );
        })
    };
    // Esc cancels an override's question, or closes a row's 说明 (the tools over the list take
    // their own; in a cell, Esc takes back what is being typed instead).
    let on_key = {
        let importing = importing.clone();
        let dispatch = dispatch.clone();
        let open = state.open.is_some();
        let (asked, cancel) = (
            consequences.bar.pending.is_some(),
            consequences.bar.cancel.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let in_cell = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|t| t.class_name().split(' ').any(|c| c == "cell"));
            // The import dialog takes its own Esc.
            if e.key() != "Escape" || in_cell || *importing {
                return;
            }
            if asked {
                cancel.emit(());
            } else if open {
                dispatch.emit(Action::Open(None));
            }
        })
    };

    html! {
        <div class="page list-page" lang={lang.code()} onkeydown={on_key}>
            <header class="masthead">
                <div>
                    <h1>{ s.title() }</h1>
                    <p class="subtitle">{ s.subtitle() }</p>
                </div>
                <nav class="actions">
                    <a class="button" href="./" id="to-calculator">{ s.to_calculator() }</a>
                    <button type="button" class="lang-toggle" lang={other.code()} onclick={dispatch.reform(move |_: MouseEvent| Action::SetLang(other))}>
                        { s.lang_toggle() }
                    </button>
                </nav>
            </header>
            <main class="list-main">
            { notice(&NoticesProps { state: state.clone() }) }
            { toolbar(&ToolbarProps { schemes: schemes.clone(), state: state.clone(), previewing: *previewing, on_import: on_import.clone(), on_workshop, on_export, on_preview }) }
            if !*previewing {
                <p class="print-hint">{ s.print_hint() }</p>
            }
            { filters(&FiltersProps { state: state.clone(), shown: total }) }
            { unread(&NoticesProps { state: state.clone() }) }
            { consequences_bar(&consequences.bar, lang) }
            <div class="grid-wrap" ref={scroller} onscroll={on_scroll} onpaste={on_paste} tabindex="0" aria-label={s.grid_label()}>
                { grid(&GridProps { state: &state, graded: &graded, columns: &columns, first, last, top, bottom, dispatch: &consequences.dispatch, editing: &editing, moved: &consequences.bar.moved }) }
                if state.rows.is_empty() {
                    <p class="muted empty">{ s.empty() }</p>
                }
            </div>
            { panel(&state, &explained, &dispatch) }
            <div class="list-results">
                { summary(&scheme, &graded, lang) }
                { laggards(&state, &graded, &dispatch) }
            </div>
            { charts(&scheme, &graded, state.rows.len(), lang) }
            </main>
            <footer class="footer">
                <p class="citation"><strong>{ s.source_of_rules() }{ s.colon() }</strong>{ scheme.citation.get(lang) }</p>
                <p>{ s.privacy() }</p>
            </footer>
        </div>
    }
}
