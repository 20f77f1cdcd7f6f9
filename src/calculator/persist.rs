//! The calculator's saved inputs: kept in local storage (a versioned key) and carried by a share
//! link's fragment, both in the line format of [`crate::wire::page::Saved`].

use crate::calculator::state::AppState;
use crate::wire::page::Saved;

impl Saved {
    /// What to keep of `state` locally.
    pub fn local(state: &AppState) -> Self {
        Self {
            scheme: state.scheme_id.clone(),
            draft: state.draft.clone(),
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
            draft: self.draft,
            edits: self.edits,
            notice: None,
        }
    }
}
