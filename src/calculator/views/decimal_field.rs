//! A labelled text field for an exact decimal. It keeps the text exactly as typed (so "89." stays
//! while the user types on) and shows the parse error, if any, under the field.

use yew::prelude::*;

#[derive(Default, PartialEq)]
pub struct DecimalFieldProps {
    /// The element id; also names the hint and error elements.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub hint: AttrValue,
    pub placeholder: AttrValue,
    /// Shown after the field ("/ 15").
    pub suffix: AttrValue,
    /// `numeric` for whole numbers (ballots); empty for `decimal`.
    pub inputmode: AttrValue,
    /// The message to show when the text does not parse, or `None`.
    pub error: Option<AttrValue>,
    /// Extra classes for the field (`compact`, `modified`).
    pub class: Classes,
    /// Called with the new text on every keystroke.
    pub on_input: Callback<String>,
    /// Whether the rules need it filled (a score, an indicator): empty, it is marked.
    pub required: bool,
}

pub fn decimal_field(props: &DecimalFieldProps) -> Html {
    let on_input = props.on_input.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let invalid = props.error.is_some();
    let described_by = match (props.hint.is_empty(), invalid) {
        (false, true) => format!("{hint_id} {error_id}"),
        (false, false) => hint_id.clone(),
        (true, _) => error_id.clone(),
    };
    html! {
        <div class={classes!("field", invalid.then_some("invalid"), props.class.clone())}>
            <label for={props.id.clone()}>{ &props.label }</label>
            <div class="input-row">
                <input
                    id={props.id.clone()}
                    type="text"
                    inputmode={if props.inputmode.is_empty() { AttrValue::Static("decimal") } else { props.inputmode.clone() }}
                    autocomplete="off"
                    spellcheck="false"
                    placeholder={props.placeholder.clone()}
                    required={props.required}
                    value={props.value.clone()}
                    aria-invalid={invalid.to_string()}
                    aria-describedby={described_by}
                    oninput={on_input}
                />
                if !props.suffix.is_empty() { <span class="suffix">{ &props.suffix }</span> }
            </div>
            if !props.hint.is_empty() { <p class="hint" id={hint_id}>{ &props.hint }</p> }
            <p class="error" id={error_id} role="alert">{ props.error.clone().unwrap_or_default() }</p>
        </div>
    }
}
