//! The scheme and category pickers, the scheme file opened and saved, and the button that
//! clears every entry. The scheme menu lists the presets, then 我的方案 (the schemes kept in the
//! workshop), then the scheme in use where it is neither (a file, a link, a trial applied).

use std::rc::Rc;

use dingji_rules::Scheme;
use yew::prelude::*;

use super::select_field::{SelectFieldProps, select_field};
use crate::calculator::state::Action;
use crate::shared::i18n::{Lang, strings};
use crate::wire::schemes::OwnScheme;

pub struct ChooseProps {
    pub lang: Lang,
    /// Every preset.
    pub schemes: Rc<Vec<Rc<Scheme>>>,
    /// 我的方案, as kept.
    pub mine: Rc<Vec<OwnScheme>>,
    /// The scheme in use (before the changes to its weights and thresholds).
    pub scheme: Rc<Scheme>,
    /// The scheme in use where it is not a preset.
    pub own: Option<OwnScheme>,
    /// The chosen category's id.
    pub category: AttrValue,
    pub dispatch: Callback<Action>,
    /// A scheme file chosen to open.
    pub on_open_file: Callback<web_sys::File>,
    /// Save the scheme in use, with its changes, as a scheme file.
    pub on_save_file: Callback<()>,
}

/// The menu's value of 我的方案 number `i`, and of a scheme opened here that is not among them.
fn mine_value(i: usize) -> String {
    format!("mine:{i}")
}
const OWN: &str = "own";

/// Pick a scheme and a category; open or save a scheme file; clear the entries.
pub fn choose(props: &ChooseProps) -> Html {
    let (lang, base, dispatch) = (props.lang, &props.scheme, &props.dispatch);
    let s = strings(lang);
    let options = |items: &mut dyn Iterator<Item = (&String, &str)>| {
        items
            .map(|(id, name)| {
                (
                    AttrValue::from(id.clone()),
                    AttrValue::from(name.to_owned()),
                )
            })
            .collect::<Vec<_>>()
    };
    let category_options = options(&mut base.categories.iter().map(|c| (&c.id, c.name.get(lang))));
    // The scheme in use: a preset by its id, 我的方案 by its place, or one opened here.
    let selected = match &props.own {
        None => base.id.clone(),
        Some(own) => match props.mine.iter().position(|m| m.data == own.data) {
            Some(i) => mine_value(i),
            None => OWN.to_owned(),
        },
    };
    let on_pick = {
        let dispatch = dispatch.clone();
        let (presets, mine) = (props.schemes.clone(), props.mine.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let (to, own) = if let Some(i) = value.strip_prefix("mine:") {
                match i.parse::<usize>().ok().and_then(|i| mine.get(i)) {
                    Some(m) => (m.scheme.clone(), Some(m.data.clone())),
                    None => return,
                }
            } else {
                match presets.iter().find(|x| x.id == value) {
                    Some(x) => (x.clone(), None),
                    None => return,
                }
            };
            dispatch.emit(Action::UseScheme {
                to,
                own,
                linked: false,
            });
        })
    };
    let option = |value: String, label: String| {
        html! { <option value={value.clone()} selected={value == selected}>{ label }</option> }
    };
    let on_file = {
        let open = props.on_open_file.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = crate::shared::file::chosen(&e) {
                open.emit(file);
            }
        })
    };
    // The file input stays hidden; the button opens its chooser.
    let pick_file = Callback::from(|_: MouseEvent| {
        use wasm_bindgen::JsCast;
        if let Some(input) = gloo::utils::document()
            .get_element_by_id("scheme-file")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            input.click();
        }
    });
    html! {
        <section class="card choose" aria-label={s.scheme()}>
            <div class="field">
                <label for="scheme">{ s.scheme() }</label>
                <select id="scheme" onchange={on_pick}>
                    { for props.schemes.iter().map(|x| option(x.id.clone(), x.name.get(lang).to_owned())) }
                    if !props.mine.is_empty() {
                        <optgroup label={s.my_schemes()}>
                            { for props.mine.iter().enumerate().map(|(i, m)| option(mine_value(i), m.scheme.name.get(lang).to_owned())) }
                        </optgroup>
                    }
                    if selected == OWN {
                        { option(OWN.to_owned(), format!("{}{}", base.name.get(lang), s.own_scheme())) }
                    }
                </select>
            </div>
            <div class="scheme-files">
                <button type="button" id="open-scheme" class="secondary" onclick={pick_file}>{ s.open_scheme_file() }</button>
                <input type="file" id="scheme-file" hidden=true accept=".json,application/json" onchange={on_file} />
                <button type="button" id="save-scheme" class="secondary" onclick={props.on_save_file.reform(|_: MouseEvent| ())}>{ s.save_scheme_file() }</button>
            </div>
            { select_field(&SelectFieldProps {
                id: "category".into(),
                label: s.category().into(),
                options: category_options,
                selected: props.category.clone(),
                on_change: dispatch.reform(Action::PickCategory),
            }) }
            <button type="button" id="clear" class="secondary" onclick={dispatch.reform(|_: MouseEvent| Action::ClearInputs)}>{ s.clear() }</button>
        </section>
    }
}
