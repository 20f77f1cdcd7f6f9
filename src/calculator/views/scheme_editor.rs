//! Changing the scheme in place: each source's weight and each tier's threshold, as a slider with
//! an exact field. An invalid state is shown at the field that causes it; changed values are
//! marked; one action resets to the preset.

use dingji_rules::{Decimal, Lang, Scheme};
use yew::prelude::*;

use super::slider_field::{SliderFieldProps, slider_field};
use crate::calculator::state::Action;
use crate::shared::i18n::{self, error_message, strings};
use crate::wire::page::{EditErrors, Edits};

pub struct SchemeEditorProps<'a> {
    pub lang: Lang,
    /// The preset, unchanged.
    pub base: &'a Scheme,
    /// The preset with every edit that could be read (the page reads them once, for this and
    /// the result alike).
    pub edited: &'a Scheme,
    pub edits: &'a Edits,
    pub errors: Option<&'a EditErrors>,
    /// The weight typed last: where the weights do not add up to 100, the others are offered
    /// balanced around it.
    pub typed_weight: Option<usize>,
    pub dispatch: &'a Callback<Action>,
    /// Opens the scheme workshop over the page.
    pub on_workshop: Callback<()>,
}

/// One value as a slider with its exact field: `typed` if the user changed it, else the preset's
/// `preset`; marked when it reads otherwise than the preset's (`edited`), or not at all.
struct Value<'a> {
    id: String,
    label: &'a str,
    typed: Option<&'a String>,
    preset: Option<Decimal>,
    edited: Option<Decimal>,
    step: &'static str,
    /// The field's error, written.
    error: Option<AttrValue>,
    on_input: Callback<String>,
}

fn value(v: Value, lang: Lang) -> Html {
    let preset = v
        .preset
        .map(|p| p.normalize().to_string())
        .unwrap_or_default();
    let modified = v.typed.is_some() && (v.error.is_some() || v.edited != v.preset);
    let value: AttrValue = v.typed.cloned().unwrap_or_else(|| preset.clone()).into();
    slider_field(&SliderFieldProps {
        id: v.id.into(),
        label: v.label.to_owned().into(),
        modified: if modified {
            strings(lang).modified()
        } else {
            ""
        }
        .into(),
        slider: if v.error.is_some() {
            preset.into()
        } else {
            value.clone()
        },
        value,
        step: v.step.into(),
        error: v.error,
        on_input: v.on_input,
    })
}

pub fn scheme_editor(props: &SchemeEditorProps) -> Html {
    let (lang, edits, errors) = (props.lang, props.edits, props.errors);
    let s = strings(lang);
    let error =
        |e: Option<&dingji_rules::Error>| e.map(|e| AttrValue::from(error_message(e, lang)));
    let weight_fields = props
        .base
        .sources
        .iter()
        .zip(&props.edited.sources)
        .enumerate()
        .map(|(index, (source, edited))| {
            value(
                Value {
                    id: format!("weight-{}", source.id),
                    label: source.name.get(lang),
                    typed: edits.weights.get(index).and_then(Option::as_ref),
                    preset: Some(source.weight),
                    edited: Some(edited.weight),
                    step: "1",
                    error: error(errors.and_then(|e| e.weight(index))),
                    on_input: props
                        .dispatch
                        .reform(move |text| Action::SetWeight { index, text }),
                },
                lang,
            )
        });
    // The total of the weights as read, once each reads as a number in range.
    let total = if errors.is_some_and(|e| !e.weights.is_empty()) {
        "—".to_owned()
    } else {
        let sum: Decimal = props.edited.sources.iter().map(|s| s.weight).sum();
        sum.normalize().to_string()
    };
    let sum_error = error(errors.and_then(|e| e.weights_sum.as_ref()));
    // Every weight reads, but they do not add up: the others, balanced around the one typed, are
    // offered in one click (what the workshop's slider does as it moves).
    let balanced = props
        .typed_weight
        .filter(|_| errors.is_some_and(|e| e.weights.is_empty() && e.weights_sum.is_some()))
        .and_then(|fixed| {
            let weights: Vec<Decimal> = props.edited.sources.iter().map(|s| s.weight).collect();
            let balanced = dingji_rules::weights::balanced(&weights, fixed)?;
            let others = crate::shared::others_balanced(
                &props.edited.sources,
                &balanced,
                fixed,
                lang,
                s.list_sep(),
            );
            let texts: Vec<String> = balanced.iter().map(|w| w.normalize().to_string()).collect();
            Some((others, texts))
        });

    let last = props.base.tiers.len().saturating_sub(1);
    let threshold_fields = props
        .base
        .tiers
        .iter()
        .zip(&props.edited.tiers)
        .take(last)
        .enumerate()
        .map(|(index, (tier, edited))| {
            value(
                Value {
                    id: format!("threshold-{index}"),
                    label: tier.name.get(lang),
                    typed: edits.thresholds.get(index).and_then(Option::as_ref),
                    preset: tier.min,
                    edited: edited.min,
                    step: "0.5",
                    error: error(errors.and_then(|e| e.threshold(index))),
                    on_input: props
                        .dispatch
                        .reform(move |text| Action::SetThreshold { index, text }),
                },
                lang,
            )
        });
    let other = error(props.errors.and_then(|e| e.other.as_ref()));
    let reset = props.dispatch.reform(|_: MouseEvent| Action::ResetScheme);
    html! {
        <section class="card editor" aria-labelledby="editor-title">
            <div class="editor-head">
                <h2 id="editor-title">{ s.edit_scheme() }</h2>
                <button type="button" id="reset-scheme" onclick={reset} disabled={props.edits.is_empty()}>{ s.reset_scheme() }</button>
            </div>
            <p class="hint">{ s.edit_scheme_hint() }</p>
            <div class="editor-grid">
                <fieldset>
                    <legend>{ s.weights() }</legend>
                    { for weight_fields }
                    <p class={classes!("total", sum_error.is_some().then_some("invalid"))} id="weights-total">
                        { i18n::fill(s.weights_total(), &[&total]) }
                    </p>
                    <p class="error" id="weights-error" role="alert">{ sum_error.unwrap_or_default() }</p>
                    if let Some((others, texts)) = balanced {
                        <p class="balance" id="weights-balance">
                            { i18n::fill(s.balance_offer(), &[&others]) }
                            <button type="button" id="weights-balance-take" class="small"
                                onclick={props.dispatch.reform(move |_: MouseEvent| Action::SetWeights(texts.clone()))}>{ s.balance() }</button>
                        </p>
                    }
                </fieldset>
                <fieldset>
                    <legend>{ s.thresholds() }</legend>
                    { for threshold_fields }
                    <p class="hint">{ s.lowest_tier_note() }{ s.colon() }{ props.base.tier_name(last, lang) }</p>
                </fieldset>
            </div>
            if let Some(message) = other { <p class="error" role="alert">{ message }</p> }
            <button type="button" id="open-workshop" onclick={props.on_workshop.reform(|_: MouseEvent| ())}>{ s.open_workshop() }</button>
        </section>
    }
}
