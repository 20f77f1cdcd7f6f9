//! Choosing one of the preset schemes.

use std::rc::Rc;

use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SchemePickerProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub lang: Lang,
    pub schemes: Rc<Vec<Scheme>>,
    pub selected: AttrValue,
    pub on_pick: Callback<String>,
}

#[component]
pub fn SchemePicker(props: &SchemePickerProps) -> Html {
    let on_change = props.on_pick.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    });
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            <select id={props.id.clone()} onchange={on_change}>
                { for props.schemes.iter().map(|s| html! {
                    <option value={s.id.clone()} selected={*s.id == *props.selected}>
                        { format!("{} · {}", s.id, s.name.get(props.lang)) }
                    </option>
                }) }
            </select>
        </div>
    }
}
