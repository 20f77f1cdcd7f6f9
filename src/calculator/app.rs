//! The page: one organization, instantly. Pick a scheme and a category, enter each source, see
//! the composite, tier, stars and why — on every keystroke.
//!
//! The state starts from local storage (or the worked example), then from a share link in the URL
//! fragment if there is one; it is saved back on every change. Storage and the URL are touched
//! here only, in effects and at start, never in the reducer.

use std::rc::Rc;

use yew::prelude::*;

use super::derive::{Calc, Outcome, chosen_category, lacking, shown_outcome, shown_scheme};
use super::hooks::{on_scheme_read, use_explained, use_my_schemes, use_opened_links, use_saved};
use super::persist::{initial_state, share_link};
use super::state::{Action, Notice};
use super::views::choose::{ChooseProps, choose};
use super::views::contribution_bar::{ContributionBarProps, contribution_bar};
use super::views::header::{HeaderProps, header};
use super::views::notice::{NoticeBarProps, notice_bar};
use super::views::number_line::{NumberLineProps, number_line};
use super::views::result_panel::{ResultPanelProps, result_panel};
use super::views::scheme_editor::{SchemeEditorProps, scheme_editor};
use super::views::share_dialog::ShareDialog;
use super::views::source_card::source_cards;
use super::views::unused::unused_list;
use super::views::veto_list::{VetoListProps, veto_list};
use super::views::why::{MiniResultProps, WhyProps, mini_result, why};
use crate::shared::i18n::strings;
use crate::wire::page::{Saved, base_scheme};

#[component]
pub fn App() -> Html {
    // Read again when the English catalogue comes in: it holds the presets' English.
    let schemes = use_memo(crate::shared::i18n::has_english(), |_| {
        crate::shared::i18n::presets()
    });
    // The scheme a link carried (`#scheme=…`), read with the tools once the page has started.
    let linked = use_mut_ref(|| None::<String>);
    let state = {
        let (schemes, linked) = (schemes.clone(), linked.clone());
        use_reducer(move || {
            let (state, scheme_link) = initial_state(&schemes);
            *linked.borrow_mut() = scheme_link;
            state
        })
    };
    let mine = use_my_schemes();
    // Bumped when a tool is done: 我的方案 are read again (the workshop may have kept one).
    let tools_done = use_state(|| 0u32);
    let sharing = use_state(|| false);
    // The last result, shown marked out of date while an entry does not read; kept with the
    // scheme it was computed under (its id, and its saved form where it is the user's), and
    // never shown under another scheme.
    let last_good = use_mut_ref(|| None::<Rc<Outcome>>);
    let last_under = use_mut_ref(|| None::<(String, Option<Rc<str>>)>);
    let dispatch = state.dispatcher().to_callback();
    let lang = state.lang;
    let s = strings(lang);
    crate::shared::use_document_lang(lang, s.app_title());

    let Some(base) = base_scheme(&schemes, &state.scheme_id, state.own.as_ref())
        .or_else(|| schemes.first().cloned())
    else {
        return Html::default();
    };
    let calc = {
        let base = base.clone();
        use_memo(
            (
                base.id.clone(),
                state.own.as_ref().map(|o| o.data.clone()),
                // The presets are read again with their English when it comes in.
                crate::shared::i18n::has_english(),
                state.edits.clone(),
                state.draft.clone(),
                lang,
            ),
            move |(_, _, _, e, d, l)| Calc::new(&base, e, d, *l),
        )
    };
    // The inputs as saved, written once a render: kept locally, and what the worker explains.
    let saved = Saved::local(&state).to_text();
    use_saved(&state, &saved, &dispatch);
    use_opened_links(&dispatch, &schemes, linked.borrow_mut().take(), lang);
    let explained = use_explained(&state, &saved, calc.outcome.is_some());

    let under = Some((
        state.scheme_id.clone(),
        state.own.as_ref().map(|o| o.data.clone()),
    ));
    if *last_under.borrow() != under {
        *last_good.borrow_mut() = None;
        *last_under.borrow_mut() = under;
    }
    let (outcome, stale) = shown_outcome(&calc, &mut last_good.borrow_mut());
    let shown_scheme = shown_scheme(&calc, outcome.as_deref(), &base);
    // The working waits for inputs that give a result, and says what they lack.
    let (missing, waiting) = lacking(&calc, &shown_scheme, lang);

    let (on_share, close_share) = {
        let (open, close) = (sharing.clone(), sharing.clone());
        (
            Callback::from(move |()| open.set(true)),
            Callback::from(move |()| close.set(false)),
        )
    };
    let category = chosen_category(&base, &state.draft.category);
    let sources = source_cards(
        lang,
        &shown_scheme,
        &category,
        &state.draft,
        &calc.votes,
        &calc.field_errors,
        calc.outcome.as_ref().map(|o| &o.result.scores[..]),
        &dispatch,
    );
    let on_key = {
        let dispatch = dispatch.clone();
        let presentation = state.presentation;
        Callback::from(move |e: KeyboardEvent| {
            if presentation && e.key() == "Escape" {
                dispatch.emit(Action::TogglePresentation);
            }
        })
    };
    let dispatch_why = dispatch.clone();
    // What a tool could not do, said over the page.
    let failed = {
        let dispatch = dispatch.clone();
        Callback::from(move |why: crate::wire::Error| {
            dispatch.emit(Action::Notify(Notice::Failed(why.message(lang))))
        })
    };
    let on_workshop = {
        let (saved, failed, tools_done) = (saved.clone(), failed.clone(), tools_done.clone());
        Callback::from(move |()| {
            let (failed, tools_done) = (failed.clone(), tools_done.clone());
            super::tools::open_workshop(
                saved.clone(),
                Callback::from(move |answer: crate::wire::tools::Answer| match answer {
                    Ok(_) => tools_done.set(*tools_done + 1),
                    Err(why) => failed.emit(why),
                }),
            );
        })
    };
    let on_open_file = {
        let read = on_scheme_read(&dispatch, lang, false);
        Callback::from(move |file: web_sys::File| {
            super::tools::read_scheme_file(file, lang, read.clone())
        })
    };
    let on_save_file = {
        let (saved, failed) = (saved.clone(), failed.clone());
        Callback::from(move |()| {
            let failed = failed.clone();
            super::tools::save_scheme_file(
                saved.clone(),
                Callback::from(move |done: Result<(), crate::wire::Error>| {
                    if let Err(why) = done {
                        failed.emit(why);
                    }
                }),
            );
        })
    };

    html! {
        <div class={classes!("page", state.presentation.then_some("presentation"))}
             lang={lang.code()} onkeydown={on_key}>
            { header(&HeaderProps { lang, presentation: state.presentation, dispatch: dispatch.clone(), on_share }) }
            { notice_bar(&NoticeBarProps { lang, notice: state.notice.clone(), unreadable: state.unreadable.clone(), dispatch: dispatch.clone() }) }
            // The link is made at each render: it follows the inputs while the dialog is open.
            if *sharing {
                <ShareDialog {lang} link={AttrValue::from(share_link(&Saved::shared(&state).to_fragment()))} on_close={close_share} />
            }
            <main class="calculator">
                <div class="inputs">
                    { choose(&ChooseProps { lang, schemes: schemes.clone(), mine: mine.clone(), scheme: base.clone(), own: state.own.clone(), category: AttrValue::from(category.clone()), dispatch: dispatch.clone(), on_open_file, on_save_file }) }
                    { sources }
                    { veto_list(&VetoListProps { lang, scheme: &shown_scheme, ticked: &state.draft.vetoes, dispatch: &dispatch }) }
                    { unused_list(lang, &state.unused) }
                    { scheme_editor(&SchemeEditorProps { lang, base: &base, edited: &calc.edited, edits: &state.edits, errors: calc.scheme.as_ref().err(), typed_weight: state.typed_weight, dispatch: &dispatch, on_workshop }) }
                </div>
                <div class={classes!("results", stale.then_some("results-stale"))}>
                    { result_panel(&ResultPanelProps { lang, outcome: outcome.as_deref(), stale, missing: &missing }) }
                    { number_line(&NumberLineProps { lang, scheme: &shown_scheme, score: outcome.as_ref().map(|o| o.result.rounded), baseline: outcome.as_ref().and_then(|o| o.baseline) }) }
                    if let Some(o) = &outcome {
                        { contribution_bar(&ContributionBarProps { lang, outcome: o }) }
                    }
                    { why(&WhyProps { lang, open: state.show_why, explained: (*explained).clone(), waiting, dispatch: dispatch_why }) }
                </div>
                if let Some(o) = &outcome {
                    { mini_result(&MiniResultProps { lang, outcome: o.clone(), stale }) }
                }
            </main>
            <footer class="footer">
                <p class="citation"><strong>{ s.source_of_rules() }{ s.colon() }</strong>{ base.citation.get(lang) }</p>
                // Weights or thresholds changed here: the numbers in force, not the document's.
                if let (false, Ok(effective)) = (state.edits.is_empty(), &calc.scheme) {
                    <p class="citation" id="in-force"><strong>{ s.adjusted_in_force() }{ s.colon() }</strong>{ effective.in_force(lang) }</p>
                }
                <p>{ s.privacy() }</p>
            </footer>
        </div>
    }
}
