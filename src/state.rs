//! The app's state and the actions that change it. The reducer is pure: no storage, no DOM.
//! Everything derived from the state (the parsed score, the tier) is computed where it is shown.

use std::rc::Rc;

use yew::Reducible;

use crate::i18n::Lang;

/// What the user has chosen and typed.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The interface language.
    pub lang: Lang,
    /// The id of the chosen preset scheme.
    pub scheme_id: String,
    /// The composite score exactly as typed.
    pub composite: String,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            scheme_id: "B".to_owned(),
            composite: String::new(),
        }
    }
}

/// A change the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// Choose another preset scheme.
    PickScheme(String),
    /// The composite score field now reads this.
    SetComposite(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::PickScheme(id) => next.scheme_id = id,
            Action::SetComposite(text) => next.composite = text,
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_no_op_keeps_the_same_state() {
        let state = Rc::new(AppState::default());
        let same = state.clone().reduce(Action::PickScheme("B".into()));
        assert!(Rc::ptr_eq(&state, &same));
        let changed = state.reduce(Action::SetComposite("89.5".into()));
        assert_eq!(changed.composite, "89.5");
    }
}
