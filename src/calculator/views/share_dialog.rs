//! The share link: the page's inputs in the URL fragment, which browsers never send to a server.

use dingji_rules::Lang;
use yew::prelude::*;

use crate::shared::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    pub lang: Lang,
    pub link: AttrValue,
    pub on_close: Callback<()>,
}

#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let s = strings(props.lang);
    let input = use_node_ref();
    let copied = use_state(|| false);
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = el.focus();
                el.select();
            }
        });
    }
    let on_copy = {
        let input = input.clone();
        let copied = copied.clone();
        let link = props.link.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                copied.set(crate::shared::copy(Some(&el), &link));
            }
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let on_key = crate::shared::close_on_escape(&props.on_close);
    html! {
        <div class="card share" role="dialog" aria-labelledby="share-title" onkeydown={on_key}>
            <h2 id="share-title">{ s.share_title() }</h2>
            <div class="share-row">
                <input ref={input} id="share-link" type="text" readonly=true value={props.link.clone()} aria-labelledby="share-title" />
                <button type="button" id="copy-link" onclick={on_copy}>{ if *copied { s.copied() } else { s.copy() } }</button>
                <button type="button" onclick={close}>{ s.close() }</button>
            </div>
            <p class="hint">{ s.share_hint() }</p>
        </div>
    }
}
