//! A slider with an exact numeric field beside it: the slider for quick what-ifs, the field for
//! the exact value. Both keyboard operable; a value changed from the preset is marked.

use yew::prelude::*;

#[derive(Default, PartialEq)]
pub struct SliderFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The text of the value, as typed.
    pub value: AttrValue,
    /// Where the slider stands: the value as read, or the preset's while the text does not
    /// read as a value in range.
    pub slider: AttrValue,
    /// The slider's step; empty for 1 (its range is 0 to 100).
    pub step: AttrValue,
    /// The mark shown when the value differs from the preset's (empty: not changed).
    pub modified: AttrValue,
    pub error: Option<AttrValue>,
    pub on_input: Callback<String>,
}

pub fn slider_field(props: &SliderFieldProps) -> Html {
    let on_range = props.on_input.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let on_text = props.on_input.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let invalid = props.error.is_some();
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("slider-field", invalid.then_some("invalid"), (!props.modified.is_empty()).then_some("modified"))}>
            <label for={props.id.clone()}>
                { &props.label }
                if !props.modified.is_empty() { <span class="modified-mark">{ &props.modified }</span> }
            </label>
            <input
                type="range"
                id={format!("{}-range", props.id)}
                aria-label={props.label.clone()}
                min="0"
                max="100"
                step={if props.step.is_empty() { AttrValue::Static("1") } else { props.step.clone() }}
                value={props.slider.clone()}
                oninput={on_range}
            />
            <input
                type="text"
                id={props.id.clone()}
                class="exact"
                inputmode="decimal"
                autocomplete="off"
                value={props.value.clone()}
                aria-invalid={invalid.to_string()}
                aria-describedby={error_id.clone()}
                oninput={on_text}
            />
            <p class="error" id={error_id} role="alert">{ props.error.clone().unwrap_or_default() }</p>
        </div>
    }
}
