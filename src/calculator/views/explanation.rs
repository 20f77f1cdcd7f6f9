//! The explanation: every step as a readable line, with the numbers substituted. Rendered by the
//! worker when the user opens it (see `crate::calculator::derive::Explained`).

use dingji_rules::Lang;
use yew::prelude::*;

use crate::shared::i18n::strings;
use crate::wire::explained::Explained;

pub struct ExplanationProps<'a> {
    pub lang: Lang,
    pub explained: &'a Explained,
}

pub fn explanation(props: &ExplanationProps) -> Html {
    let s = strings(props.lang);
    html! {
        <section class="card explanation" aria-labelledby="why-title">
            <h2 id="why-title">{ s.why() }</h2>
            <ol id="steps">{ for props.explained.steps.iter().map(|l| html! { <li>{ l }</li> }) }</ol>
        </section>
    }
}
