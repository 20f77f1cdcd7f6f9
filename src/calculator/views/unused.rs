//! The entries the scheme in use has no place for (本方案中不使用), with their values: typed
//! under another scheme, kept by what they mean (`dingji_rules::carry`), used again under a
//! scheme that has a place for them. Never laid onto another field, never dropped.

use dingji_rules::Lang;
use dingji_rules::carry::Unused;
use yew::prelude::*;

use crate::shared::i18n::{strings, unused_line};

/// The entries kept aside, if any.
pub fn unused_list(lang: Lang, unused: &[Unused]) -> Html {
    if unused.is_empty() {
        return Html::default();
    }
    let s = strings(lang);
    html! {
        <section class="card unused" id="unused" aria-labelledby="unused-title">
            <h2 id="unused-title">{ s.unused() }</h2>
            <p class="hint">{ s.unused_hint() }</p>
            <ul>{ for unused.iter().map(|u| html! { <li>{ unused_line(u, lang) }</li> }) }</ul>
        </section>
    }
}
