//! The page: one organization, instantly. Pick a scheme and a category, enter each source, see
//! the composite, tier, stars and why — on every keystroke.
//!
//! The state starts from local storage (or the worked example), then from a share link in the URL
//! fragment if there is one; it is saved back on every change. Storage and the URL are touched
//! here only, in effects and at start, never in the reducer.

use std::rc::Rc;

use dingji_rules::draft::Field;
use dingji_rules::{Error, Lang, Scheme, presets};
use yew::prelude::*;

use super::views::contribution_bar::{ContributionBarProps, contribution_bar};
use super::views::explanation::{ExplanationProps, explanation};
use super::views::goal_list::{GoalListProps, goal_list};
use super::views::header::{HeaderProps, header};
use super::views::notice::{NoticeBarProps, notice_bar};
use super::views::number_line::{NumberLineProps, number_line};
use super::views::result_panel::{ResultPanelProps, result_panel};
use super::views::scheme_editor::{SchemeEditorProps, scheme_editor};
use super::views::select_field::{SelectFieldProps, select_field};
use super::views::share_dialog::ShareDialog;
use super::views::source_card::{SourceCardProps, source_card};
use super::views::veto_list::{VetoListProps, veto_list};
use crate::calculator::derive::{Calc, Outcome};
use crate::calculator::state::{Action, AppState, Notice};
use crate::shared::i18n::strings;
use crate::wire::explained::Explained;
use crate::wire::page::Saved;
use crate::wire::request::Request;
use dingji_rules::fmt::fixed;

/// The local storage key, versioned with the saved format.
pub const STORAGE_KEY: &str = "dingji.calculator.v1";

/// The page as it first opens: the township scheme with domain.md's worked example filled in.
pub fn example_state(schemes: &[Rc<Scheme>]) -> AppState {
    const EXAMPLE: &str = "dingji 1\nscheme B\nmode committee score\nscore committee 92\nmode vote votes\n\
                           count vote 0 30\ncount vote 1 15\ncount vote 2 4\ncount vote 3 1\n\
                           mode self score\nscore self 95";
    Saved::from_text(EXAMPLE, schemes)
        .map(Saved::into_state)
        .unwrap_or_default()
}

/// The state to start from: saved inputs, then a share link over them.
fn initial_state(schemes: &[Rc<Scheme>]) -> AppState {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = gloo::utils::window().local_storage().ok().flatten();
        let stored = storage
            .as_ref()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let mut notice = None;
        let mut state = match stored.map(|text| (Saved::from_text(&text, schemes), text)) {
            Some((Ok(saved), _)) => saved.into_state(),
            Some((Err(why), text)) => {
                // Keep what could not be read, so that nothing the user had is lost.
                if let Some(s) = &storage {
                    let _ = s.set_item(&format!("{STORAGE_KEY}.unreadable"), &text);
                }
                notice = Some(Notice::BadStorage(why));
                example_state(schemes)
            }
            None => example_state(schemes),
        };
        if let Some(fragment) = take_fragment() {
            match Saved::from_fragment(&fragment, schemes) {
                Ok(saved) => {
                    state.scheme_id = saved.scheme;
                    state.draft = saved.draft;
                    state.edits = saved.edits;
                    notice = Some(Notice::LinkOpened);
                }
                Err(why) => notice = Some(Notice::BadLink(why)),
            }
        }
        state.notice = notice;
        state
    }
    #[cfg(not(target_arch = "wasm32"))]
    example_state(schemes)
}

/// The URL fragment without `#`, removed from the address bar (so that a reload shows the saved
/// state, which then includes the link's inputs).
#[cfg(target_arch = "wasm32")]
fn take_fragment() -> Option<String> {
    let window = gloo::utils::window();
    let location = window.location();
    let hash = location.hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash).to_owned();
    if fragment.is_empty() {
        return None;
    }
    let clean = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    Some(fragment)
}

/// The names of the fields still empty, for the result panel.
fn missing(calc: &Calc, scheme: &Scheme, lang: Lang) -> Vec<String> {
    calc.field_errors
        .iter()
        .filter_map(|e| match (&e.field, &e.error) {
            (Field::Score { source }, Error::Empty { .. } | Error::MissingInput { .. }) => scheme
                .source(source)
                .map(|(_, s)| s.name.get(lang).to_owned()),
            (Field::Indicator { source, indicator }, Error::Empty { .. }) => {
                let category = scheme.categories.first().map_or("", |c| c.id.as_str());
                let name = scheme.source(source).map_or("", |(_, s)| s.name.get(lang));
                let ind = scheme
                    .indicators_for(category)
                    .iter()
                    .chain(scheme.category_indicators.iter().flat_map(|(_, set)| set))
                    .find(|i| &i.id == indicator)
                    .map_or("", |i| i.name.get(lang));
                Some(format!("{name} · {ind}"))
            }
            _ => None,
        })
        .collect()
}

#[component]
pub fn App() -> Html {
    let schemes = use_memo((), |_| {
        presets::all().into_iter().map(Rc::new).collect::<Vec<_>>()
    });
    let state = {
        let schemes = schemes.clone();
        use_reducer(move || initial_state(&schemes))
    };
    let sharing = use_state(|| None::<AttrValue>);
    // The working and the goals, from the worker: the latest answer, and the number of the latest
    // question (an answer to an older one is dropped).
    let explained = use_state(|| None::<Rc<Result<Explained, String>>>);
    let asked = use_mut_ref(|| 0u32);
    let last_good = use_mut_ref(|| None::<Rc<Outcome>>);
    let dispatch = state.dispatcher().to_callback();
    let lang = state.lang;
    let s = strings(lang);

    let Some(base) = schemes
        .iter()
        .find(|x| x.id == state.scheme_id)
        .or_else(|| schemes.first())
        .cloned()
    else {
        return Html::default();
    };
    let calc = {
        let base = base.clone();
        use_memo(
            (
                base.id.clone(),
                state.edits.clone(),
                state.draft.clone(),
                lang,
            ),
            move |(_, e, d, l)| Calc::new(&base, e, d, *l),
        )
    };

    // Save on every change; a failure is shown, never a crash.
    {
        let json = Saved::local(&state).to_text();
        let dispatch = dispatch.clone();
        let failed = state.notice == Some(Notice::SaveFailed);
        use_effect_with(json, move |json| {
            #[cfg(target_arch = "wasm32")]
            {
                let saved = gloo::utils::window()
                    .local_storage()
                    .ok()
                    .flatten()
                    .is_some_and(|s| s.set_item(STORAGE_KEY, json).is_ok());
                if !saved && !failed {
                    dispatch.emit(Action::Notify(Notice::SaveFailed));
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (json, dispatch, failed);
        });
    }
    // A share link pasted into the address bar of the open page.
    {
        let dispatch = dispatch.clone();
        let schemes = schemes.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::JsCast;
                let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                    if let Some(fragment) = take_fragment() {
                        dispatch.emit(match Saved::from_fragment(&fragment, &schemes) {
                            Ok(saved) => Action::Open(saved),
                            Err(why) => Action::Notify(Notice::BadLink(why)),
                        });
                    }
                });
                let window = gloo::utils::window();
                let _ = window.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
                listener.forget();
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (dispatch, schemes);
        });
    }

    // Ask the worker for the working whenever the inputs change while it is shown.
    {
        let key = (
            state.show_why,
            calc.outcome.is_some(),
            Saved::shared(&state).to_text(),
            lang,
        );
        let explained = explained.clone();
        let asked = asked.clone();
        use_effect_with(key, move |(open, ok, text, lang)| {
            if *open && *ok {
                *asked.borrow_mut() += 1;
                let me = *asked.borrow();
                let request = Request::ExplainPage {
                    saved: text.clone(),
                    lang: *lang,
                };
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = request.send().await;
                    if *asked.borrow() == me {
                        explained.set(Some(Rc::new(answer.map_err(|e| e.to_string()))));
                    }
                });
            }
        });
    }

    // The result to show: the current one, or the last one marked out of date.
    let (outcome, stale) = match &calc.outcome {
        Some(o) => {
            *last_good.borrow_mut() = Some(o.clone());
            (Some(o.clone()), false)
        }
        None => {
            let any_real_error = calc.scheme.is_err()
                || calc.error.is_some()
                || calc.field_errors.iter().any(|e| {
                    !matches!(
                        e.error,
                        Error::Empty { .. }
                            | Error::MissingInput { .. }
                            | Error::MissingIndicator { .. }
                    )
                });
            let last = last_good.borrow().clone();
            (last.clone(), any_real_error && last.is_some())
        }
    };
    let shown_scheme: Rc<Scheme> = match &calc.scheme {
        Ok(x) => x.clone(),
        Err(_) => outcome.as_ref().map_or(base.clone(), |o| o.scheme.clone()),
    };
    let missing = if calc.outcome.is_none() {
        missing(&calc, &shown_scheme, lang)
    } else {
        Vec::new()
    };

    let on_share = {
        let sharing = sharing.clone();
        let state = state.clone();
        Callback::from(move |()| {
            let link = share_link(&Saved::shared(&state).to_fragment());
            sharing.set(Some(link.into()));
        })
    };
    let close_share = {
        let sharing = sharing.clone();
        Callback::from(move |()| sharing.set(None))
    };
    let scheme_options = schemes
        .iter()
        .map(|x| {
            (
                AttrValue::from(x.id.clone()),
                AttrValue::from(x.name.get(lang).to_owned()),
            )
        })
        .collect::<Vec<_>>();
    let on_pick = {
        let dispatch = dispatch.clone();
        let schemes = schemes.clone();
        Callback::from(move |id: String| {
            if let Some(x) = schemes.iter().find(|x| x.id == id) {
                dispatch.emit(Action::PickScheme(x.clone()));
            }
        })
    };
    let category_options = base
        .categories
        .iter()
        .map(|c| {
            (
                AttrValue::from(c.id.clone()),
                AttrValue::from(c.name.get(lang).to_owned()),
            )
        })
        .collect::<Vec<_>>();
    let category = base.category(&state.draft.category).map_or_else(
        || {
            base.categories
                .first()
                .map(|c| c.id.clone())
                .unwrap_or_default()
        },
        |c| c.id.clone(),
    );
    let no_draft = dingji_rules::draft::SourceDraft::default();
    let sources = shown_scheme
        .sources
        .iter()
        .enumerate()
        .map(|(index, source)| {
            let score = calc
                .outcome
                .as_ref()
                .and_then(|o| o.result.scores.get(index))
                .map(|x| fixed(*x, shown_scheme.rounding.decimals));
            source_card(&SourceCardProps {
                lang,
                scheme: &shown_scheme,
                index,
                category: &category,
                draft: state.draft.source(&source.id).unwrap_or(&no_draft),
                errors: &calc.field_errors,
                score,
                dispatch: &dispatch,
            })
        });
    let on_key = {
        let dispatch = dispatch.clone();
        let presentation = state.presentation;
        Callback::from(move |e: KeyboardEvent| {
            if presentation && e.key() == "Escape" {
                dispatch.emit(Action::TogglePresentation);
            }
        })
    };
    let clear = dispatch.reform(|_: MouseEvent| Action::ClearInputs);
    let on_category = dispatch.reform(Action::PickCategory);

    html! {
        <div class={classes!("page", state.presentation.then_some("presentation"))}
             lang={if lang == Lang::Zh { "zh-CN" } else { "en" }} onkeydown={on_key}>
            { header(&HeaderProps { lang, presentation: state.presentation, dispatch: dispatch.clone(), on_share }) }
            { notice_bar(&NoticeBarProps { lang, notice: state.notice.clone(), dispatch: dispatch.clone() }) }
            if let Some(link) = (*sharing).clone() {
                <ShareDialog {lang} {link} on_close={close_share} />
            }
            <main class="calculator">
                <div class="inputs">
                    <section class="card choose" aria-label={s.scheme}>
                        { select_field(&SelectFieldProps {
                            id: "scheme".into(),
                            label: s.scheme.into(),
                            options: scheme_options,
                            selected: base.id.clone().into(),
                            on_change: on_pick,
                        }) }
                        { select_field(&SelectFieldProps {
                            id: "category".into(),
                            label: s.category.into(),
                            options: category_options,
                            selected: category.clone().into(),
                            on_change: on_category,
                        }) }
                        <button type="button" id="clear" class="secondary" onclick={clear}>{ s.clear }</button>
                    </section>
                    { for sources }
                    { veto_list(&VetoListProps {
                        lang,
                        scheme: &shown_scheme,
                        ticked: &state.draft.vetoes,
                        dispatch: &dispatch,
                    }) }
                    { scheme_editor(&SchemeEditorProps {
                        lang,
                        base: &base,
                        edits: &state.edits,
                        errors: calc.scheme.as_ref().err(),
                        dispatch: &dispatch,
                    }) }
                </div>
                <div class="results">
                    { result_panel(&ResultPanelProps { lang, outcome: outcome.as_deref(), stale, missing: &missing }) }
                    { number_line(&NumberLineProps {
                        lang,
                        scheme: &shown_scheme,
                        score: outcome.as_ref().map(|o| o.result.rounded),
                    }) }
                    if let Some(o) = &outcome {
                        { contribution_bar(&ContributionBarProps { lang, outcome: o }) }
                    }
                    <button type="button" id="show-why" class="why-toggle" aria-expanded={state.show_why.to_string()}
                        onclick={dispatch.reform(|_: MouseEvent| Action::ToggleWhy)}>
                        { if state.show_why { s.hide_why } else { s.show_why } }
                    </button>
                    if state.show_why {
                        { match (*explained).as_deref() {
                            Some(Ok(e)) => html! {
                                <>
                                    { goal_list(&GoalListProps { lang, explained: e }) }
                                    { explanation(&ExplanationProps { lang, explained: e }) }
                                </>
                            },
                            Some(Err(why)) => html! { <p class="card error" role="alert">{ s.why_failed }{ why }</p> },
                            None => html! { <p class="card muted" id="computing">{ s.computing }</p> },
                        } }
                    }
                </div>
                if let Some(o) = &outcome {
                    <div class={classes!("mini-result", stale.then_some("is-stale"))} aria-hidden="true">
                        <span>{ s.composite }{ " " }<strong>{ o.result.rounded.to_string() }</strong></span>
                        <span class={classes!("mini-tier", crate::shared::tier_tone(o.result.tier, o.scheme.tiers.len()))}>
                            { o.scheme.tier_name(o.result.tier, lang) }
                        </span>
                        if let Some(n) = o.result.stars { <span>{ o.scheme.star_name(n, lang) }</span> }
                    </div>
                }
            </main>
            <footer class="footer">
                <p class="citation"><strong>{ s.source_of_rules }{ "：" }</strong>{ base.citation.get(lang) }</p>
                <p>{ s.privacy }</p>
            </footer>
        </div>
    }
}

/// The page's address with `fragment` as its fragment.
fn share_link(fragment: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let location = gloo::utils::window().location();
        let here = format!(
            "{}{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        format!("{here}#{fragment}")
    }
    #[cfg(not(target_arch = "wasm32"))]
    format!("#{fragment}")
}
