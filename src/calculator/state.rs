//! The app's state and the actions that change it. The reducer is pure: no storage, no DOM.
//! Everything derived from the state (the effective scheme, the result, the explanation) is
//! computed in [`super::derive`] where it is shown.
//!
//! The same [`Saved`] form is what local storage keeps (versioned key) and what a share link
//! carries in its fragment.

use std::rc::Rc;

use dingji_rules::Scheme;
use dingji_rules::draft::{Mode, OrgDraft};
use dingji_rules::map;
use yew::Reducible;

use crate::shared::i18n::Lang;
use crate::wire::page::{Edits, Saved};

/// What the user has chosen and typed.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The interface language.
    pub lang: Lang,
    /// Large type and high contrast for a projector.
    pub presentation: bool,
    /// Whether the working (计算过程) and the goals are shown.
    pub show_why: bool,
    /// The id of the preset scheme the page starts from.
    pub scheme_id: String,
    /// The organization's entries, as typed.
    pub draft: OrgDraft,
    /// The user's changes to the scheme's weights and thresholds, as typed.
    pub edits: Edits,
    /// The weight typed last (by source index): the one a balance of the others keeps.
    pub typed_weight: Option<usize>,
    /// A message for the user (a share link that could not be read, storage that failed).
    pub notice: Option<Notice>,
    /// The inputs before 清空 or an opened share link, while that can still be undone: until
    /// then the new inputs are not saved (a link's inputs are kept only when the user keeps them).
    pub before: Option<Rc<AppState>>,
}

/// A message shown above the page until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A share link that could not be read (why, said in the page's language); the current
    /// inputs were kept.
    BadLink(crate::wire::Unreadable),
    /// The saved inputs could not be read: why, and whether they were kept aside under a key of
    /// their own (if not, nothing is saved over them until the notice is dismissed).
    BadStorage { why: String, kept: bool },
    /// Saving failed (storage full or disabled): changes will not survive a reload.
    SaveFailed,
    /// A share link was opened.
    LinkOpened,
    /// A trial in the scheme workshop was applied (a preset, with its weights and thresholds).
    Applied,
    /// The inputs were cleared.
    Cleared,
}

/// A change the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// Turn presentation mode on or off (turning it on shows the working too).
    TogglePresentation,
    /// Show or hide the working and the goals.
    ToggleWhy,
    /// Choose another preset scheme (the entries of sources with the same id are kept).
    PickScheme(Rc<Scheme>),
    /// Choose the organization's category.
    PickCategory(String),
    /// A source's direct score.
    SetScore { source: String, text: String },
    /// An indicator entry of a source.
    SetIndicator {
        source: String,
        indicator: String,
        text: String,
    },
    /// A ballot count of a source.
    SetCount {
        source: String,
        level: usize,
        text: String,
    },
    /// The number of people eligible to vote.
    SetEligible { source: String, text: String },
    /// The form a source is entered in.
    SetMode { source: String, mode: Mode },
    /// Tick or untick a veto.
    ToggleVeto(String),
    /// A weight of the scheme, by source index, as typed.
    SetWeight { index: usize, text: String },
    /// Every weight of the scheme at once (the others balanced around the one typed).
    SetWeights(Vec<String>),
    /// A tier threshold of the scheme, by tier index, as typed.
    SetThreshold { index: usize, text: String },
    /// Back to the preset's weights and thresholds.
    ResetScheme,
    /// Clear every entry.
    ClearInputs,
    /// Replace the inputs with those of a share link.
    Open(Saved),
    /// Back to the inputs before 清空 or an opened link.
    Restore,
    /// Show a message.
    Notify(Notice),
    /// Hide the message.
    Dismiss,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            presentation: false,
            show_why: false,
            scheme_id: "B".to_owned(),
            draft: OrgDraft::default(),
            edits: Edits::default(),
            typed_weight: None,
            notice: None,
            before: None,
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let undoable = matches!(action, Action::ClearInputs | Action::Open(_));
        let passive = matches!(
            action,
            Action::SetLang(_)
                | Action::TogglePresentation
                | Action::ToggleWhy
                | Action::Notify(_)
                | Action::Restore
        );
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::TogglePresentation => {
                next.presentation = !next.presentation;
                next.show_why |= next.presentation;
            }
            Action::ToggleWhy => next.show_why = !next.show_why,
            Action::PickScheme(scheme) => {
                next.scheme_id = scheme.id.clone();
                next.edits = Edits::default();
                if scheme.category(&next.draft.category).is_none() {
                    next.draft.category = String::new();
                }
                next.draft
                    .vetoes
                    .retain(|v| scheme.vetoes.iter().any(|x| &x.id == v));
                next.draft
                    .inputs
                    .retain(|(id, _)| scheme.source(id).is_some());
                for source in &scheme.sources {
                    next.draft.source_mut(&scheme, &source.id);
                }
            }
            Action::PickCategory(id) => next.draft.category = id,
            Action::SetScore { source, text } => {
                map::entry(&mut next.draft.inputs, &source).score = text;
            }
            Action::SetIndicator {
                source,
                indicator,
                text,
            } => {
                map::insert(
                    &mut map::entry(&mut next.draft.inputs, &source).indicators,
                    &indicator,
                    text,
                );
            }
            Action::SetCount {
                source,
                level,
                text,
            } => {
                let counts = &mut map::entry(&mut next.draft.inputs, &source).counts;
                if counts.len() <= level {
                    counts.resize(level + 1, String::new());
                }
                if let Some(slot) = counts.get_mut(level) {
                    *slot = text;
                }
            }
            Action::SetEligible { source, text } => {
                map::entry(&mut next.draft.inputs, &source).eligible = text;
            }
            Action::SetMode { source, mode } => {
                map::entry(&mut next.draft.inputs, &source).mode = mode
            }
            Action::ToggleVeto(id) => {
                if let Some(at) = next.draft.vetoes.iter().position(|v| *v == id) {
                    next.draft.vetoes.remove(at);
                } else {
                    next.draft.vetoes.push(id);
                }
            }
            Action::SetWeight { index, text } => {
                next.typed_weight = Some(index);
                Edits::set(&mut next.edits.weights, index, text);
            }
            Action::SetWeights(weights) => {
                for (index, text) in weights.into_iter().enumerate() {
                    Edits::set(&mut next.edits.weights, index, text);
                }
            }
            Action::SetThreshold { index, text } => {
                Edits::set(&mut next.edits.thresholds, index, text)
            }
            Action::ResetScheme => {
                next.edits = Edits::default();
                next.typed_weight = None;
            }
            Action::ClearInputs => {
                next.notice = Some(Notice::Cleared);
                for (_, source) in &mut next.draft.inputs {
                    *source = dingji_rules::draft::SourceDraft {
                        mode: source.mode,
                        ..Default::default()
                    };
                }
                next.draft.vetoes.clear();
            }
            Action::Open(saved) => {
                next.scheme_id = saved.scheme;
                next.draft = saved.draft;
                next.edits = saved.edits;
                next.notice = Some(Notice::LinkOpened);
            }
            Action::Restore => {
                if let Some(b) = next.before.take() {
                    next.scheme_id = b.scheme_id.clone();
                    next.draft = b.draft.clone();
                    next.edits = b.edits.clone();
                }
                next.notice = None;
            }
            Action::Notify(notice) => next.notice = Some(notice),
            // 知道了: the cleared or opened inputs are kept.
            Action::Dismiss => {
                next.notice = None;
                next.before = None;
            }
        }
        if undoable {
            next.before = next.before.or_else(|| Some(self.clone()));
        } else if !passive {
            // Going on after 清空 or a link keeps what it starts from: nothing left to undo.
            next.before = None;
            if matches!(
                next.notice,
                Some(Notice::LinkOpened | Notice::Applied | Notice::Cleared)
            ) {
                next.notice = None;
            }
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemes() -> Vec<Rc<Scheme>> {
        dingji_rules::presets::all()
            .into_iter()
            .map(Rc::new)
            .collect()
    }

    #[test]
    fn a_no_op_keeps_the_same_state() {
        let state = Rc::new(AppState::default());
        let same = state.clone().reduce(Action::PickCategory(String::new()));
        assert!(Rc::ptr_eq(&state, &same));
        let changed = state.reduce(Action::SetScore {
            source: "self".into(),
            text: "95".into(),
        });
        assert_eq!(changed.draft.source("self").unwrap().score, "95");
    }

    #[test]
    fn a_share_link_round_trips_and_a_tampered_one_is_refused() {
        let mut state = AppState::default();
        map::entry(&mut state.draft.inputs, "self").score = "95".into();
        state.edits.weights = vec![Some("60".into()), None, Some("20".into())];
        let link = Saved::shared(&state).to_fragment();
        let back = Saved::from_fragment(&link, &schemes()).unwrap();
        assert_eq!(back.draft, state.draft);
        assert_eq!(back.edits, state.edits);
        let mut tampered = link.clone();
        tampered.truncate(link.len() - 5);
        assert!(Saved::from_fragment(&tampered, &schemes()).is_err());
        assert_eq!(
            Saved::from_fragment("x=1", &schemes()).map_err(|e| e.to_string()),
            Err("不是本程序的分享链接".into())
        );
    }

    #[test]
    fn saved_text_keeps_odd_characters_and_names_a_bad_line() {
        let mut saved = Saved::local(&AppState::default());
        map::entry(&mut saved.draft.inputs, "self").score = "9 5\\n".into();
        saved.draft.category = "村 二".into();
        let text = saved.to_text();
        assert_eq!(Saved::from_text(&text, &schemes()), Ok(saved));
        let broken = format!("{text}\nscore");
        let lines = broken.lines().count();
        assert_eq!(
            Saved::from_text(&broken, &schemes()).map_err(|e| e.to_string()),
            Err(format!("第 {lines} 行无法读取：“score”"))
        );
        assert_eq!(
            Saved::from_text("dingji 9\nscheme B", &schemes()).map_err(|e| e.to_string()),
            Err("版本“dingji 9”不是本程序能读取的“dingji 1”".into())
        );
        assert_eq!(
            Saved::from_text("{}", &schemes()).map_err(|e| e.to_string()),
            Err("不是本程序保存的内容".into())
        );
    }

    #[test]
    fn a_weight_change_keeps_the_others_as_the_preset_has_them() {
        let state = Rc::new(AppState::default());
        let next = state.reduce(Action::SetWeight {
            index: 1,
            text: "60".into(),
        });
        assert_eq!(next.edits.weights, vec![None, Some("60".to_owned())]);
        // Under 乡镇党委 (50/30/20), 测评 at 60 and the others as they were: 50 + 60 + 20.
        let schemes = schemes();
        let (scheme, errors) = crate::wire::page::edited_scheme(&schemes[0], &next.edits, Lang::Zh);
        assert_eq!(
            scheme
                .sources
                .iter()
                .map(|s| s.weight.to_string())
                .collect::<Vec<_>>(),
            ["50", "60", "20"]
        );
        assert_eq!(
            errors.weights_sum,
            Some(dingji_rules::Error::WeightsSum { sum: 130.into() })
        );
    }

    #[test]
    fn clearing_or_opening_a_link_can_be_undone_until_the_user_goes_on() {
        let typed = Rc::new(AppState::default()).reduce(Action::SetScore {
            source: "self".into(),
            text: "95".into(),
        });
        let cleared = typed.clone().reduce(Action::ClearInputs);
        assert_eq!(cleared.draft.source("self").unwrap().score, "");
        assert_eq!(cleared.notice, Some(Notice::Cleared));
        let back = cleared.clone().reduce(Action::Restore);
        assert_eq!(back.draft, typed.draft);
        assert_eq!(back.before, None);

        // Typing after 清空 keeps what it starts from: nothing to undo, the notice goes.
        let went_on = cleared.reduce(Action::SetScore {
            source: "self".into(),
            text: "80".into(),
        });
        assert_eq!(went_on.before, None);
        assert_eq!(went_on.notice, None);

        // A link opened over typed inputs: undone, or kept with 保留 (知道了).
        let mut linked = AppState::default();
        map::entry(&mut linked.draft.inputs, "self").score = "60".into();
        let link = Saved::from_fragment(&Saved::shared(&linked).to_fragment(), &schemes()).unwrap();
        let opened = typed.clone().reduce(Action::Open(link));
        assert_eq!(opened.draft.source("self").unwrap().score, "60");
        assert!(
            opened.before.is_some(),
            "saving waits while it can be undone"
        );
        assert_eq!(opened.clone().reduce(Action::Restore).draft, typed.draft);
        let kept = opened.reduce(Action::Dismiss);
        assert_eq!(kept.before, None);
        assert_eq!(kept.draft.source("self").unwrap().score, "60");
    }

    #[test]
    fn weights_applied_from_the_workshop_are_said_and_taken_back_with_the_inputs_before() {
        let typed = Rc::new(AppState::default()).reduce(Action::SetScore {
            source: "self".into(),
            text: "95".into(),
        });
        // What the workshop gives back: the same inputs with 党委评定 60 and 测评 20.
        let mut saved = Saved::local(&typed);
        saved.edits.weights = vec![Some("60".into()), Some("20".into())];
        let fragment = format!("{}{}", crate::wire::page::APPLIED, saved.to_fragment());
        let link = fragment.strip_prefix(crate::wire::page::APPLIED).unwrap();
        let link = Saved::from_fragment(link, &schemes()).unwrap();
        let applied = typed
            .clone()
            .reduce(Action::Open(link))
            .reduce(Action::Notify(Notice::Applied));
        assert_eq!(applied.edits.weights, saved.edits.weights);
        assert_eq!(applied.notice, Some(Notice::Applied));
        assert!(
            applied.before.is_some(),
            "saving waits while it can be undone"
        );
        let back = applied.clone().reduce(Action::Restore);
        assert!(back.edits.is_empty());
        assert_eq!(back.notice, None);
        // Going on keeps it, and the notice goes.
        let went_on = applied.reduce(Action::SetScore {
            source: "self".into(),
            text: "96".into(),
        });
        assert_eq!(went_on.before, None);
        assert_eq!(went_on.notice, None);
        assert_eq!(went_on.edits.weights, saved.edits.weights);
    }
}
