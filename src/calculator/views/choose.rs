//! The scheme and category pickers, and the button that clears every entry.

use std::rc::Rc;

use dingji_rules::Scheme;
use yew::prelude::*;

use super::select_field::{SelectFieldProps, select_field};
use crate::calculator::state::Action;
use crate::shared::i18n::{Lang, strings};

pub struct ChooseProps {
    pub lang: Lang,
    /// Every preset.
    pub schemes: Rc<Vec<Rc<Scheme>>>,
    /// The chosen preset.
    pub scheme: Rc<Scheme>,
    /// The chosen category's id.
    pub category: AttrValue,
    pub dispatch: Callback<Action>,
}

/// Pick a scheme and a category; clear the entries.
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
    let scheme_options = options(&mut props.schemes.iter().map(|x| (&x.id, x.name.get(lang))));
    let category_options = options(&mut base.categories.iter().map(|c| (&c.id, c.name.get(lang))));
    let on_pick = {
        let dispatch = dispatch.clone();
        let schemes = props.schemes.clone();
        Callback::from(move |id: String| {
            if let Some(x) = schemes.iter().find(|x| x.id == id) {
                dispatch.emit(Action::PickScheme(x.clone()));
            }
        })
    };
    html! {
        <section class="card choose" aria-label={s.scheme()}>
            { select_field(&SelectFieldProps {
                id: "scheme".into(),
                label: s.scheme().into(),
                options: scheme_options,
                selected: base.id.clone().into(),
                on_change: on_pick,
            }) }
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
