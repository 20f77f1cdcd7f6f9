//! The title and the page's actions: presentation mode, share link, language.

use dingji_rules::Lang;
use yew::prelude::*;

use crate::calculator::state::Action;
use crate::shared::i18n::strings;
use crate::wire::client::{self, PORTABLE_ZIP};

#[derive(PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub presentation: bool,
    pub dispatch: Callback<Action>,
    pub on_share: Callback<()>,
}

pub fn header(props: &HeaderProps) -> Html {
    let s = strings(props.lang);
    let other = if props.lang == Lang::Zh {
        Lang::En
    } else {
        Lang::Zh
    };
    let on_lang = props
        .dispatch
        .reform(move |_: MouseEvent| Action::SetLang(other));
    let on_presentation = props
        .dispatch
        .reform(|_: MouseEvent| Action::TogglePresentation);
    let on_share = props.on_share.reform(|_: MouseEvent| ());
    let portable = client::portable();
    html! {
        <header class="masthead">
            <div>
                <h1>{ s.app_title() }</h1>
                <p class="subtitle">{ s.app_subtitle() }</p>
            </div>
            <nav class="actions" aria-label={s.app_title()}>
                <a class="button" id="to-list" href="./list.html">{ s.to_list() }</a>
                if !portable {
                    <a class="button" id="portable" href={PORTABLE_ZIP} download="定级单机版.zip" title={s.portable_title()}>{ s.portable() }</a>
                }
                <button type="button" id="presentation" aria-pressed={props.presentation.to_string()} onclick={on_presentation}>
                    { if props.presentation { s.presentation_off() } else { s.presentation_on() } }
                </button>
                <button type="button" id="share" onclick={on_share}>{ s.share() }</button>
                <button type="button" class="lang-toggle" lang={other.code()} onclick={on_lang}>
                    { s.lang_toggle() }
                </button>
            </nav>
        </header>
    }
}
