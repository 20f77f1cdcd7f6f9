//! The page: pick a scheme, type a composite score, see the tier at once.

use std::rc::Rc;

use dingji_rules::{Decimal, Lang, number, presets};
use yew::prelude::*;

use crate::components::decimal_field::DecimalField;
use crate::components::scheme_picker::SchemePicker;
use crate::components::tier_result::TierResult;
use crate::components::tier_table::TierTable;
use crate::i18n::strings;
use crate::state::{Action, AppState};

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    let schemes = use_memo((), |_| presets::all());
    let lang = state.lang;
    let s = strings(lang);

    let scheme = use_memo(
        (schemes.clone(), state.scheme_id.clone()),
        |(schemes, id)| {
            schemes
                .iter()
                .find(|s| s.id == *id)
                .or_else(|| schemes.first())
                .cloned()
        },
    );
    let Some(scheme) = (*scheme).clone().map(Rc::new) else {
        return html! { <p class="error">{ "no scheme" }</p> };
    };

    let parsed = if state.composite.trim().is_empty() {
        None
    } else {
        Some(number::parse_in_range(
            &state.composite,
            s.composite,
            Decimal::ZERO,
            Decimal::ONE_HUNDRED,
        ))
    };
    let decision = match &parsed {
        Some(Ok(value)) => Some(scheme.decide(*value)),
        _ => None,
    };
    let error = match &parsed {
        Some(Err(e)) => Some(AttrValue::from(e.message(lang))),
        _ => None,
    };

    let on_pick = state.dispatcher().to_callback().reform(Action::PickScheme);
    let on_input = state
        .dispatcher()
        .to_callback()
        .reform(Action::SetComposite);
    let other_lang = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let on_lang = state
        .dispatcher()
        .to_callback()
        .reform(move |_: MouseEvent| Action::SetLang(other_lang));

    html! {
        <div class="page" lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            <header class="masthead">
                <div>
                    <h1>{ s.app_title }</h1>
                    <p class="subtitle">{ s.app_subtitle }</p>
                </div>
                <button type="button" class="lang-toggle" aria-label={s.lang_toggle_label} onclick={on_lang}>
                    { s.lang_toggle }
                </button>
            </header>
            <main class="calculator">
                <section class="card inputs" aria-labelledby="inputs-title">
                    <h2 id="inputs-title" class="visually-hidden">{ s.composite }</h2>
                    <SchemePicker
                        id="scheme"
                        label={s.scheme}
                        lang={lang}
                        schemes={schemes.clone()}
                        selected={scheme.id.clone()}
                        on_pick={on_pick}
                    />
                    <DecimalField
                        id="composite"
                        label={s.composite}
                        hint={s.composite_hint}
                        placeholder={s.composite_placeholder}
                        value={state.composite.clone()}
                        error={error}
                        on_input={on_input}
                    />
                </section>
                <section class="card result" aria-live="polite" aria-labelledby="result-title">
                    <h2 id="result-title">{ s.tier }</h2>
                    <TierResult lang={lang} scheme={scheme.clone()} decision={decision.clone()} />
                </section>
                <section class="card">
                    <TierTable lang={lang} scheme={scheme.clone()} current={decision.as_ref().map(|d| d.tier)} />
                    <p class="citation"><strong>{ s.source_of_rules }{ "：" }</strong>{ scheme.citation.get(lang) }</p>
                </section>
            </main>
            <footer class="footer"><p>{ s.privacy }</p></footer>
        </div>
    }
}
