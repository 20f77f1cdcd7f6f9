//! Changing the scheme in place: each source's weight and each tier's threshold, as a slider with
//! an exact field. An invalid state is shown at the field that causes it; changed values are
//! marked; one action resets to the preset.

use dingji_rules::{Decimal, Lang, Scheme, parse_decimal};
use yew::prelude::*;

use super::slider_field::{SliderFieldProps, slider_field};
use crate::calculator::state::Action;
use crate::shared::i18n::{self, error_message, strings};
use crate::wire::page::{EditErrors, Edits, preset_values};

pub struct SchemeEditorProps<'a> {
    pub lang: Lang,
    /// The preset, unchanged.
    pub base: &'a Scheme,
    pub edits: &'a Edits,
    pub errors: Option<&'a EditErrors>,
    pub dispatch: &'a Callback<Action>,
}

fn changed(text: &str, preset: &str) -> bool {
    match (parse_decimal(text, ""), parse_decimal(preset, "")) {
        (Ok(a), Ok(b)) => a != b,
        _ => text.trim() != preset,
    }
}

pub fn scheme_editor(props: &SchemeEditorProps) -> Html {
    let s = strings(props.lang);
    let (preset_weights, preset_thresholds) = preset_values(props.base);
    let weights = props
        .edits
        .weights
        .clone()
        .unwrap_or_else(|| preset_weights.clone());
    let thresholds = props
        .edits
        .thresholds
        .clone()
        .unwrap_or_else(|| preset_thresholds.clone());
    let error =
        |e: Option<&dingji_rules::Error>| e.map(|e| AttrValue::from(error_message(e, props.lang)));

    // One slider field per value: `texts` as typed, `presets` as the preset has them, `action`
    // the change it dispatches.
    let field = |id: String,
                 label: &str,
                 i: usize,
                 texts: &[String],
                 presets: &[String],
                 action: fn(usize, String, Vec<String>) -> Action,
                 step: &'static str,
                 error: Option<AttrValue>| {
        let text = texts.get(i).cloned().unwrap_or_default();
        let preset = presets.get(i).cloned().unwrap_or_default();
        let dispatch = props.dispatch.clone();
        let defaults = presets.to_vec();
        let on_input = Callback::from(move |text| dispatch.emit(action(i, text, defaults.clone())));
        slider_field(&SliderFieldProps {
            id: id.into(),
            label: label.to_owned().into(),
            modified: if changed(&text, &preset) {
                s.modified()
            } else {
                ""
            }
            .into(),
            value: text.into(),
            preset: preset.into(),
            step: step.into(),
            error,
            on_input,
        })
    };
    let weight_fields = props.base.sources.iter().enumerate().map(|(i, source)| {
        field(
            format!("weight-{}", source.id),
            source.name.get(props.lang),
            i,
            &weights,
            &preset_weights,
            |index, text, defaults| Action::SetWeight {
                index,
                text,
                defaults,
            },
            "1",
            error(props.errors.and_then(|e| e.weight(i))),
        )
    });
    // Checked: a weight typed as 79228162514264337593543950335 twice has no sum, not a panic.
    let total: Option<Decimal> = weights.iter().try_fold(Decimal::ZERO, |sum, w| {
        parse_decimal(w, "").ok().and_then(|w| sum.checked_add(w))
    });
    let total_text = total.map_or("—".to_owned(), |t| t.normalize().to_string());
    let sum_error = error(props.errors.and_then(|e| e.weights_sum.as_ref()));

    let last = props.base.tiers.len().saturating_sub(1);
    let threshold_fields = props
        .base
        .tiers
        .iter()
        .take(last)
        .enumerate()
        .map(|(i, tier)| {
            field(
                format!("threshold-{i}"),
                tier.name.get(props.lang),
                i,
                &thresholds,
                &preset_thresholds,
                |index, text, defaults| Action::SetThreshold {
                    index,
                    text,
                    defaults,
                },
                "0.5",
                error(props.errors.and_then(|e| e.threshold(i))),
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
                        { i18n::fill(strings(props.lang).weights_total(), &[&total_text]) }
                    </p>
                    <p class="error" id="weights-error" role="alert">{ sum_error.unwrap_or_default() }</p>
                </fieldset>
                <fieldset>
                    <legend>{ s.thresholds() }</legend>
                    { for threshold_fields }
                    <p class="hint">{ s.lowest_tier_note() }{ s.colon() }{ props.base.tier_name(last, props.lang) }</p>
                </fieldset>
            </div>
            if let Some(message) = other { <p class="error" role="alert">{ message }</p> }
        </section>
    }
}
