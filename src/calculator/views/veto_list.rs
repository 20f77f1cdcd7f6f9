//! The vetoes (一票否决) of the scheme, to tick for the organization.

use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::calculator::state::Action;
use crate::shared::i18n::strings;

pub struct VetoListProps<'a> {
    pub lang: Lang,
    pub scheme: &'a Scheme,
    pub ticked: &'a [String],
    pub dispatch: &'a Callback<Action>,
}

pub fn veto_list(props: &VetoListProps) -> Html {
    if props.scheme.vetoes.is_empty() {
        return Html::default();
    }
    let s = strings(props.lang);
    let items = props.scheme.vetoes.iter().map(|veto| {
        let dispatch = props.dispatch.clone();
        let id = veto.id.clone();
        let onchange = Callback::from(move |_: Event| dispatch.emit(Action::ToggleVeto(id.clone())));
        html! {
            <label class="veto">
                <input type="checkbox" id={format!("veto-{}", veto.id)} checked={props.ticked.contains(&veto.id)} {onchange} />
                { veto.name.get(props.lang) }
            </label>
        }
    });
    html! {
        <fieldset class="card vetoes">
            <legend>{ s.vetoes() }</legend>
            <p class="hint">{ s.vetoes_hint() }</p>
            { for items }
        </fieldset>
    }
}
