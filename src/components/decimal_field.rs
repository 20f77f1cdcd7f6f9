//! A labelled text field for an exact decimal. It keeps the text exactly as typed (so "89." stays
//! while the user types on) and shows the parse error, if any, under the field.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DecimalFieldProps {
    /// The element id; also names the hint and error elements.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub hint: AttrValue,
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// The message to show when the text does not parse, or `None`.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Called with the new text on every keystroke.
    pub on_input: Callback<String>,
}

#[component]
pub fn DecimalField(props: &DecimalFieldProps) -> Html {
    let on_input = props.on_input.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described_by = if props.error.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            <input
                id={props.id.clone()}
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                placeholder={props.placeholder.clone()}
                value={props.value.clone()}
                aria-invalid={props.error.is_some().to_string()}
                aria-describedby={described_by}
                oninput={on_input}
            />
            <p class="hint" id={hint_id}>{ &props.hint }</p>
            <p class="error" id={error_id} role="alert">
                { props.error.clone().unwrap_or_default() }
            </p>
        </div>
    }
}
