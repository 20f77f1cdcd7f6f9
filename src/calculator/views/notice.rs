//! A message above the page: a share link that could not be read, storage that failed.

use dingji_rules::Lang;
use yew::prelude::*;

use crate::calculator::state::{Action, Notice};
use crate::shared::i18n::strings;

#[derive(PartialEq)]
pub struct NoticeBarProps {
    pub lang: Lang,
    pub notice: Option<Notice>,
    /// The saved inputs that could neither be read nor kept aside, offered as a file.
    pub unreadable: Option<std::rc::Rc<str>>,
    pub dispatch: Callback<Action>,
}

pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let s = strings(props.lang);
    let Some(notice) = &props.notice else {
        return Html::default();
    };
    let (text, warning) = match notice {
        Notice::BadLink(why) => {
            let why = crate::wire::Error::from(why.clone()).message(props.lang);
            (format!("{}{why}", s.bad_link()), true)
        }
        Notice::BadStorage { why, kept: true } => (format!("{}{why}", s.bad_storage()), true),
        Notice::BadStorage { why, kept: false } => {
            (format!("{}{why}", s.bad_storage_not_kept()), true)
        }
        Notice::SaveFailed => (s.save_failed().to_owned(), true),
        Notice::LinkOpened => (s.link_opened().to_owned(), false),
        Notice::Applied => (s.applied().to_owned(), false),
        Notice::Cleared => (s.cleared().to_owned(), false),
        Notice::SchemeOpened(name) => (
            crate::shared::i18n::fill(s.scheme_opened(), &[name.as_str()]),
            false,
        ),
        Notice::SchemeRefused(why) => (format!("{}{why}", s.scheme_refused()), true),
        Notice::Failed(why) => (why.clone(), true),
    };
    let undoable = matches!(
        notice,
        Notice::LinkOpened | Notice::Applied | Notice::Cleared | Notice::SchemeOpened(_)
    );
    let dismiss = props.dispatch.reform(|_: MouseEvent| Action::Dismiss);
    // The only copy of unreadable saved inputs: downloaded or discarded, never just dismissed.
    let only_copy = matches!(notice, Notice::BadStorage { kept: false, .. })
        .then(|| props.unreadable.clone())
        .flatten()
        .map(|text| {
            crate::shared::only_copy_buttons(
                text,
                "定级输入-无法读取的原内容.txt",
                (s.unreadable_download(), s.unreadable_discard()),
                props.dispatch.reform(|()| Action::ReleaseUnreadable),
            )
        });
    html! {
        <div class={classes!("notice", warning.then_some("warning"))} role={if warning { "alert" } else { "status" }} id="notice">
            <p>{ text }</p>
            if undoable {
                <button type="button" id="restore" onclick={props.dispatch.reform(|_: MouseEvent| Action::Restore)}>{ s.restore() }</button>
            }
            if let Some(buttons) = only_copy {
                { buttons }
            } else {
                <button type="button" onclick={dismiss}>{ if undoable { s.keep() } else { s.dismiss() } }</button>
            }
        </div>
    }
}
