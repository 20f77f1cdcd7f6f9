//! The list page: the committee's organizations as a spreadsheet, graded together under the
//! quota rules, with the 汇总表, the list to rectify, charts, the 公示 for print, and CSV / Excel
//! in and out. The list is saved in the browser (its database, versioned) on every change.

use dingji_rules::Lang;
use yew::prelude::*;

use super::derive::GradeCache;
use super::hooks::{
    VirtualWindow, use_consequences, use_explained_row, use_graded, use_preset_texts, use_saving,
    use_tools, use_virtual_window,
};
use super::state::Action;
use super::views::charts::charts;
use super::views::grid::{GridProps, grid};
use super::views::laggards::laggards;
use super::views::panel::panel;
use super::views::summary::summary;
use super::views::toolbar::{
    FiltersProps, NoticesProps, ToolbarProps, consequences_bar, filters, notice, toolbar, unread,
};
use crate::shared::i18n::list_strings;
use crate::wire::client::{self, PORTABLE_ZIP};

/// What the page opens with: the saved list as read ([`super::persist::restore`]), or a fresh
/// one, and its grading's cache (every row graded alone as it was read).
#[derive(Properties, PartialEq)]
pub struct ListProps {
    pub saved: std::rc::Rc<super::state::ListState>,
    pub cache: Warm,
}

/// A grading's cache handed to the page, taken by its first render.
#[derive(Clone, Default)]
pub struct Warm(std::rc::Rc<std::cell::Cell<Option<GradeCache>>>);

impl Warm {
    pub fn new(cache: GradeCache) -> Warm {
        Warm(std::rc::Rc::new(std::cell::Cell::new(Some(cache))))
    }
}

impl PartialEq for Warm {
    fn eq(&self, other: &Warm) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn ListApp(props: &ListProps) -> Html {
    // Read again when the English catalogue comes in: it holds the presets' English.
    let schemes = use_memo(crate::shared::i18n::has_english(), |_| {
        crate::shared::i18n::presets()
    });
    // The presets are compiled in: there is always a first (the hooks below run in the same
    // order on every render).
    if schemes.is_empty() {
        return Html::default();
    }
    let state = {
        let saved = props.saved.clone();
        use_reducer(move || (*saved).clone())
    };
    let dispatch = state.dispatcher().to_callback();
    let grade_cache = {
        let warm = props.cache.0.clone();
        use_mut_ref(move || warm.take().unwrap_or_default())
    };
    let graded = use_graded(&state, &grade_cache);
    let consequences = use_consequences(&state, &graded, &grade_cache);
    let lang = state.lang;
    let s = list_strings(lang);
    crate::shared::use_document_lang(lang, s.title());
    let editing = use_mut_ref(|| None);

    use_saving(&state, &dispatch, &schemes, &editing);
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
    let scheme = state.scheme.clone();
    let columns = state.columns();
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let tools = use_tools(
        &state,
        &graded,
        &consequences.dispatch,
        &schemes,
        &grade_cache,
    );
    // Esc cancels an override's question, or closes a row's 说明 (the tools over the list take
    // their own; in a cell, Esc takes back what is being typed instead).
    let on_key = {
        let busy = tools.busy;
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
            if e.key() != "Escape" || in_cell || busy {
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
                    <a class="button" href="./index.html" id="to-calculator">{ s.to_calculator() }</a>
                    if !client::portable() {
                        <a class="button" id="portable" href={PORTABLE_ZIP} download="定级单机版.zip" title={s.portable_title()}>{ s.portable() }</a>
                    }
                    <button type="button" class="lang-toggle" lang={other.code()} onclick={dispatch.reform(move |_: MouseEvent| Action::SetLang(other))}>
                        { s.lang_toggle() }
                    </button>
                </nav>
            </header>
            <main class="list-main">
            { notice(&NoticesProps { state: state.clone() }) }
            { toolbar(&ToolbarProps { schemes: schemes.clone(), state: state.clone(), previewing: tools.previewing, on_import: tools.on_import, on_workshop: tools.on_workshop, on_export: tools.on_export, on_preview: tools.on_preview, on_tally: tools.on_tally }) }
            if !tools.previewing {
                <p class="print-hint">{ s.print_hint() }</p>
            }
            { filters(&FiltersProps { state: state.clone(), shown: total }) }
            { unread(&NoticesProps { state: state.clone() }) }
            { consequences_bar(&consequences.bar, lang) }
            <div class="grid-wrap" ref={scroller} onscroll={on_scroll} onpaste={tools.on_paste} tabindex="0" aria-label={s.grid_label()}>
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
            { charts(&scheme, &graded, lang) }
            </main>
            <footer class="footer">
                <p class="citation"><strong>{ s.source_of_rules() }{ s.colon() }</strong>{ scheme.citation.get(lang) }</p>
                <p>{ s.privacy() }</p>
            </footer>
        </div>
    }
}
