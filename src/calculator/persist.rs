//! The calculator's saved inputs: kept in local storage (a versioned key) and carried by a share
//! link's fragment, both in the line format of [`crate::wire::page::Saved`].

use std::rc::Rc;

use dingji_rules::Scheme;

#[cfg(target_arch = "wasm32")]
use crate::calculator::state::Notice;
use crate::calculator::state::{AppState, TAKE_BACK};
use crate::shared::history::History;
use crate::wire::page::Saved;
#[cfg(target_arch = "wasm32")]
use crate::wire::schemes::SCHEME_LINK;

impl Saved {
    /// What to keep of `state` locally.
    pub fn local(state: &AppState) -> Self {
        Self {
            scheme: state.scheme_id.clone(),
            own: state.own.clone(),
            draft: state.draft.clone(),
            unused: state.unused.clone(),
            edits: state.edits.clone(),
            lang: Some(state.lang),
            presentation: state.presentation,
            show_why: state.show_why,
        }
    }

    /// What a share link of `state` carries: the inputs, not the viewer's preferences.
    pub fn shared(state: &AppState) -> Self {
        Self {
            lang: None,
            presentation: false,
            show_why: false,
            ..Self::local(state)
        }
    }

    /// The state these saved inputs give.
    pub fn into_state(self) -> AppState {
        AppState {
            lang: self.lang.unwrap_or_default(),
            presentation: self.presentation,
            show_why: self.show_why,
            scheme_id: self.scheme,
            own: self.own,
            draft: self.draft,
            unused: self.unused,
            edits: self.edits,
            typed_weight: None,
            notice: None,
            before: History::new(TAKE_BACK),
            unreadable: None,
        }
    }
}

/// The local storage key, versioned with the saved format.
pub const STORAGE_KEY: &str = "dingji.calculator.v1";

/// The page as it first opens: the township scheme with domain.md's worked example filled in.
pub fn example_state(schemes: &[Rc<Scheme>]) -> AppState {
    const EXAMPLE: &str = "dingji 1\nscheme B\nmode committee score\nscore committee 92\nmode vote votes\n\
                           count vote 0 30\ncount vote 1 15\ncount vote 2 4\ncount vote 3 1\n\
                           mode self score\nscore self 95";
    Saved::from_text(EXAMPLE, schemes)
        .map(Saved::into_state)
        .unwrap_or_default()
}

/// The state to start from: saved inputs, then a share link over them; and the scheme a link
/// carried (`#scheme=…`, its data), which the page reads with the tools once it has started.
pub fn initial_state(schemes: &[Rc<Scheme>]) -> (AppState, Option<String>) {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = gloo::utils::window().local_storage().ok().flatten();
        let stored = storage
            .as_ref()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let mut notice = None;
        let mut state = match stored.map(|text| (Saved::from_text(&text, schemes), text)) {
            Some((Ok(saved), _)) => saved.into_state(),
            Some((Err(why), text)) => {
                let kept = crate::shared::keep_aside(storage.as_ref(), STORAGE_KEY, &text);
                notice = Some(Notice::BadStorage {
                    why: why.to_string(),
                    kept,
                });
                AppState {
                    // Not kept aside: the only copy, held until downloaded or discarded.
                    unreadable: (!kept).then(|| text.into()),
                    ..example_state(schemes)
                }
            }
            None => example_state(schemes),
        };
        let mut linked = None;
        let fragment = crate::shared::take_fragment();
        if let Some(data) = (fragment.as_deref()).and_then(|f| f.strip_prefix(SCHEME_LINK)) {
            linked = Some(data.to_owned());
        } else if let Some(fragment) = fragment {
            match Saved::from_fragment(&fragment, schemes) {
                Ok(saved) => {
                    // Kept aside until the user keeps the link's inputs (saving waits).
                    state.before.push(Rc::new(state.clone()));
                    state.take_inputs(saved);
                    notice = Some(Notice::LinkOpened);
                }
                Err(why) => notice = Some(Notice::BadLink(why)),
            }
        }
        state.notice = notice;
        state.lang = crate::shared::carried_lang().unwrap_or(state.lang);
        (state, linked)
    }
    #[cfg(not(target_arch = "wasm32"))]
    (example_state(schemes), None)
}

/// The page's address with `fragment` as its fragment.
pub fn share_link(fragment: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let location = gloo::utils::window().location();
        let here = format!(
            "{}{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        format!("{here}#{fragment}")
    }
    #[cfg(not(target_arch = "wasm32"))]
    format!("#{fragment}")
}
