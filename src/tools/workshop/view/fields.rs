//! The trial's fields: each weight (a slider that keeps the total at 100, and the number as
//! typed), each threshold and each quota share, marked where it differs from where it started
//! and reset one by one; and, where the weights typed do not sum to 100, the others offered
//! balanced around the one typed last.

use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;
use crate::tools::workshop::state::{Action, TrialEdit, WorkshopState};
use crate::tools::workshop::{Trial, TrialErrors};

/// One edited value: its label, the text, the value it started from, its error.
struct Field<'a> {
    id: String,
    label: String,
    text: &'a str,
    start: &'a str,
    error: Option<String>,
    slider: bool,
    on_input: Callback<String>,
    /// What the slider does (a weight's keeps the total at 100); the text field's by default.
    on_slide: Option<Callback<String>>,
}

fn field(f: Field<'_>, lang: Lang) -> Html {
    let changed = f.text != f.start;
    let read = |to: Callback<String>| {
        Callback::from(move |e: InputEvent| {
            to.emit(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
        })
    };
    let input = read(f.on_input.clone());
    let slide = read(f.on_slide.clone().unwrap_or_else(|| f.on_input.clone()));
    let reset = {
        let (on_input, start) = (f.on_input.clone(), f.start.to_owned());
        Callback::from(move |_: MouseEvent| on_input.emit(start.clone()))
    };
    let t = tool_strings(lang);
    let was = match f.start.is_empty() {
        true => t.new_item().to_owned(),
        false => fill(t.was_value(), &[f.start]),
    };
    let error_id = format!("{}-error", f.id);
    html! {
        <div class={classes!("trial-field", changed.then_some("changed"))}>
            <label for={f.id.clone()}>{ f.label.clone() }</label>
            if f.slider {
                <input type="range" min="0" max="100" step="1" value={f.text.to_owned()}
                    aria-label={f.label.clone()} oninput={slide} id={format!("{}-slider", f.id)} />
            }
            <input type="text" inputmode="decimal" id={f.id.clone()} value={f.text.to_owned()} oninput={input}
                aria-invalid={f.error.is_some().then_some("true")}
                aria-describedby={f.error.is_some().then(|| error_id.clone())} />
            if changed {
                <span class="was">{ was }</span>
                if !f.start.is_empty() {
                    <button type="button" class="reset" onclick={reset}
                        aria-label={format!("{}{}", t.reset(), f.label)}>{ "↺" }</button>
                }
            }
            if let Some(e) = f.error { <span class="error" id={error_id}>{ e }</span> }
        </div>
    }
}

/// The trial's fields: the weights (with their sum's error and the balance offer), the
/// thresholds, and the quota shares where the scheme has any. Each value is marked against the
/// scheme the workshop started from: a weight by its source, a threshold by its place.
pub fn trial_fields(
    state: &WorkshopState,
    errors: Option<&TrialErrors>,
    send: &Callback<Action>,
    lang: Lang,
) -> Html {
    let (start, shape, trial) = (
        &state.edited.start,
        &state.edited.shape,
        &state.edited.trial,
    );
    let started = Trial::of(start);
    let edit = |make: fn(usize, String) -> TrialEdit, i: usize| {
        send.reform(move |text: String| Action::Edit(make(i, text)))
    };
    let weight_started = |id: &str| {
        start
            .source(id)
            .map(|(_, s)| s.weight.normalize().to_string())
            .unwrap_or_default()
    };
    let weights = shape
        .sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            field(
                Field {
                    id: format!("trial-weight-{i}"),
                    label: format!("{}（%）", source.name.get(lang)),
                    text: trial.weights.get(i).map_or("", String::as_str),
                    start: &weight_started(&source.id),
                    error: errors
                        .and_then(|e| e.edits.weight(i))
                        .map(|e| e.message(lang)),
                    slider: true,
                    on_input: edit(TrialEdit::Weight, i),
                    // A weight's slider keeps the total at 100: the others follow in proportion.
                    on_slide: Some(edit(TrialEdit::Slide, i)),
                },
                lang,
            )
        })
        .collect::<Html>();
    let thresholds = trial
        .thresholds
        .iter()
        .enumerate()
        .map(|(i, text)| {
            field(
                Field {
                    id: format!("trial-threshold-{i}"),
                    label: fill(
                        tool_strings(lang).threshold_of(),
                        &[shape.tier_name(i, lang)],
                    ),
                    text,
                    start: started.thresholds.get(i).map_or("", String::as_str),
                    error: errors
                        .and_then(|e| e.edits.threshold(i))
                        .map(|e| e.message(lang)),
                    slider: false,
                    on_input: edit(TrialEdit::Threshold, i),
                    on_slide: None,
                },
                lang,
            )
        })
        .collect::<Html>();
    let shares = trial
        .shares
        .iter()
        .enumerate()
        .map(|(k, (share, text))| {
            let share = *share;
            field(
                Field {
                    id: format!("trial-share-{k}"),
                    label: format!("{}（%）", share.label(shape, lang)),
                    text,
                    start: started
                        .shares
                        .iter()
                        .find(|(s, _)| *s == share)
                        .map_or("", |(_, t)| t.as_str()),
                    error: errors
                        .and_then(|e| e.shares.iter().find(|(s, _)| *s == share))
                        .map(|(_, e)| e.message(lang)),
                    slider: true,
                    on_input: edit(TrialEdit::Share, k),
                    on_slide: None,
                },
                lang,
            )
        })
        .collect::<Html>();
    let weights_sum = errors
        .and_then(|e| e.edits.weights_sum.as_ref().or(e.edits.other.as_ref()))
        .map(|e| e.message(lang));
    html! {
        <>
            <h3>{ tool_strings(lang).weights() }</h3>
            <div class="trial-fields">{ weights }</div>
            if let Some(e) = weights_sum { <p class="error" id="trial-weights-sum">{ e }</p> }
            if let Some(offer) = balance_offer(state, errors, send, lang) { { offer } }
            <h3>{ tool_strings(lang).thresholds() }</h3>
            <div class="trial-fields">{ thresholds }</div>
            if !trial.shares.is_empty() {
                <h3>{ tool_strings(lang).quotas() }</h3>
                <div class="trial-fields">{ shares }</div>
            }
        </>
    }
}

/// Where the weights read but do not sum to 100, the others balanced around the weight typed
/// last, as its slider would have them, offered to take in one step.
fn balance_offer(
    state: &WorkshopState,
    errors: Option<&TrialErrors>,
    send: &Callback<Action>,
    lang: Lang,
) -> Option<Html> {
    let fixed = state.typed.filter(|_| {
        errors.is_some_and(|e| e.edits.weights.is_empty() && e.edits.weights_sum.is_some())
    })?;
    let weights = &state.edited.trial.weights;
    let read: Option<Vec<dingji_rules::Decimal>> = weights
        .iter()
        .map(|w| dingji_rules::parse_decimal(w, "").ok())
        .collect();
    let balanced = dingji_rules::weights::balanced(&read?, fixed)?;
    let shape: &Scheme = &state.edited.shape;
    let others = crate::shared::others_balanced(
        &shape.sources,
        &balanced,
        fixed,
        lang,
        tool_strings(lang).list_separator(),
    );
    let take = send.reform(move |_: MouseEvent| Action::Edit(TrialEdit::Balance(fixed)));
    Some(html! {
        <p class="balance" id="trial-weights-balance">
            { fill(tool_strings(lang).others_in_proportion(), &[&others]) }
            <button type="button" id="trial-weights-balance-take" class="small" onclick={take}>
                { tool_strings(lang).balance_them() }</button>
        </p>
    })
}
