//! The app's state and the actions that change it. The reducer is pure: no storage, no DOM.
//! Everything derived from the state (the effective scheme, the result, the explanation) is
//! computed in [`super::derive`] where it is shown.
//!
//! The same [`Saved`] form is what local storage keeps (versioned key) and what a share link
//! carries in its fragment.

use std::rc::Rc;

use dingji_rules::Scheme;
use dingji_rules::carry::{Unused, carry};
use dingji_rules::draft::{Mode, OrgDraft};
use dingji_rules::map;
use yew::Reducible;

use crate::shared::history::History;
use crate::shared::i18n::Lang;
use crate::wire::page::{Edits, Saved};
use crate::wire::schemes::OwnScheme;

/// What the user has chosen and typed.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The interface language.
    pub lang: Lang,
    /// Large type and high contrast for a projector.
    pub presentation: bool,
    /// Whether the working (计算过程) and the goals are shown.
    pub show_why: bool,
    /// The id of the preset scheme the page starts from (or of `own`).
    pub scheme_id: String,
    /// The scheme graded under where it is not a preset: a scheme file, 我的方案, a link, a
    /// trial of the workshop applied.
    pub own: Option<OwnScheme>,
    /// The organization's entries, as typed.
    pub draft: OrgDraft,
    /// Entries the scheme has no place for (本方案中不使用), kept by what they mean until a
    /// scheme that has one is chosen.
    pub unused: Vec<Unused>,
    /// The user's changes to the scheme's weights and thresholds, as typed.
    pub edits: Edits,
    /// The weight typed last (by source index): the one a balance of the others keeps.
    pub typed_weight: Option<usize>,
    /// A message for the user (a share link that could not be read, storage that failed).
    pub notice: Option<Notice>,
    /// The inputs before 清空 or an opened share link, while that can still be undone: until
    /// then the new inputs are not saved (a link's inputs are kept only when the user keeps them).
    /// One step, the earliest: 清空 twice is taken back to the inputs before the first.
    pub before: History<Rc<AppState>>,
    /// Saved inputs that could neither be read nor kept aside (storage full): the only copy.
    /// Nothing is saved over them until the user has downloaded or discarded them.
    pub unreadable: Option<Rc<str>>,
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
    /// A trial in the scheme workshop was applied.
    Applied,
    /// The scheme a link carried is graded under (named).
    SchemeOpened(String),
    /// A scheme file, a scheme link or 我的方案 that could not be used: why, in the page's
    /// language; nothing was changed.
    SchemeRefused(String),
    /// A sentence said as it is, in the page's language (the tools could not be loaded).
    Failed(String),
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
    /// Grade under another scheme: `to`, a preset, or a scheme of the user's (`own`, its saved
    /// form). The entries are carried by what they mean (`dingji_rules::carry`): what `to` has
    /// no place for is kept aside, never laid on another place. `linked`: a link's scheme,
    /// which can be taken back until the user goes on.
    UseScheme {
        to: Rc<Scheme>,
        own: Option<Rc<str>>,
        linked: bool,
    },
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
    /// The unreadable saved inputs were downloaded or discarded: saving goes on.
    ReleaseUnreadable,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            presentation: false,
            show_why: false,
            scheme_id: "B".to_owned(),
            own: None,
            draft: OrgDraft::default(),
            unused: Vec::new(),
            edits: Edits::default(),
            typed_weight: None,
            notice: None,
            before: History::new(TAKE_BACK),
            unreadable: None,
        }
    }
}

impl AppState {
    /// The inputs of `saved` in place of these: its scheme, entries and changes.
    pub fn take_inputs(&mut self, saved: Saved) {
        self.scheme_id = saved.scheme;
        self.own = saved.own;
        self.draft = saved.draft;
        self.unused = saved.unused;
        self.edits = saved.edits;
    }
}

/// How many steps 清空 or an opened link keeps to take back: one, the inputs before it.
pub const TAKE_BACK: usize = 1;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let undoable = matches!(
            action,
            Action::ClearInputs | Action::Open(_) | Action::UseScheme { linked: true, .. }
        );
        let passive = matches!(
            action,
            Action::SetLang(_)
                | Action::TogglePresentation
                | Action::ToggleWhy
                | Action::Notify(_)
                | Action::Restore
                | Action::ReleaseUnreadable
        );
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::TogglePresentation => {
                next.presentation = !next.presentation;
                next.show_why |= next.presentation;
            }
            Action::ToggleWhy => next.show_why = !next.show_why,
            Action::UseScheme { to, own, linked } => {
                // The scheme the entries were typed under: its ids and Chinese names are what
                // the carrying reads; its English (the presets', once the catalogue is in) names
                // what is kept aside.
                let from = match &self.own {
                    Some(own) => own.scheme.clone(),
                    None => (crate::shared::i18n::presets().into_iter())
                        .find(|p| p.id == self.scheme_id)
                        .unwrap_or_else(|| to.clone()),
                };
                next.scheme_id = to.id.clone();
                next.edits = Edits::default();
                next.typed_weight = None;
                (next.draft, next.unused) = carry(&self.draft, &from, &self.unused, &to);
                next.own = own.map(|data| OwnScheme {
                    scheme: to.clone(),
                    data,
                });
                if linked {
                    next.notice = Some(Notice::SchemeOpened(to.name.zh.clone()));
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
                next.unused.clear();
            }
            Action::Open(saved) => {
                next.take_inputs(saved);
                next.notice = Some(Notice::LinkOpened);
            }
            Action::Restore => {
                if let Some(b) = next.before.take_back() {
                    next.scheme_id = b.scheme_id.clone();
                    next.own = b.own.clone();
                    next.draft = b.draft.clone();
                    next.unused = b.unused.clone();
                    next.edits = b.edits.clone();
                }
                next.notice = None;
            }
            Action::Notify(notice) => next.notice = Some(notice),
            // 知道了: the cleared or opened inputs are kept.
            Action::Dismiss => {
                next.notice = None;
                next.before.clear();
            }
            Action::ReleaseUnreadable => {
                next.unreadable = None;
                if matches!(next.notice, Some(Notice::BadStorage { .. })) {
                    next.notice = None;
                }
            }
        }
        if undoable {
            if !next.before.can_undo() {
                next.before.push(self.clone());
            }
        } else if !passive {
            // Going on after 清空 or a link keeps what it starts from: nothing left to undo.
            next.before.clear();
            if matches!(
                next.notice,
                Some(
                    Notice::LinkOpened
                        | Notice::Applied
                        | Notice::Cleared
                        | Notice::SchemeOpened(_)
                        | Notice::SchemeRefused(_)
                )
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
            Err(format!("第 {lines} 行无法读取"))
        );
        assert_eq!(
            Saved::from_text("dingji 9\nscheme B", &schemes()).map_err(|e| e.to_string()),
            Err("保存的格式版本不是本程序能读取的“dingji 1”".into())
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
        assert!(!back.before.can_undo(), "nothing left to undo");

        // Typing after 清空 keeps what it starts from: nothing to undo, the notice goes.
        let went_on = cleared.reduce(Action::SetScore {
            source: "self".into(),
            text: "80".into(),
        });
        assert!(!went_on.before.can_undo(), "nothing left to undo");
        assert_eq!(went_on.notice, None);

        // A link opened over typed inputs: undone, or kept with 保留 (知道了).
        let mut linked = AppState::default();
        map::entry(&mut linked.draft.inputs, "self").score = "60".into();
        let link = Saved::from_fragment(&Saved::shared(&linked).to_fragment(), &schemes()).unwrap();
        let opened = typed.clone().reduce(Action::Open(link));
        assert_eq!(opened.draft.source("self").unwrap().score, "60");
        assert!(
            opened.before.can_undo(),
            "saving waits while it can be undone"
        );
        assert_eq!(opened.clone().reduce(Action::Restore).draft, typed.draft);
        let kept = opened.reduce(Action::Dismiss);
        assert!(!kept.before.can_undo(), "nothing left to undo");
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
            applied.before.can_undo(),
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
        assert!(!went_on.before.can_undo(), "nothing left to undo");
        assert_eq!(went_on.notice, None);
        assert_eq!(went_on.edits.weights, saved.edits.weights);
    }

    /// A township's scheme (three sources, 满意 with 不了解, deductions, no stars).
    fn township() -> OwnScheme {
        let json = include_str!("../../tests/fixtures/township-satisfaction.json");
        OwnScheme::of(Scheme::from_json(json).unwrap()).unwrap()
    }

    #[test]
    fn a_scheme_of_the_users_travels_whole_with_the_entries_it_has_no_place_for() {
        let own = township();
        // B's worked example has none of the township's sources: all six entries aside.
        let example = crate::calculator::persist::example_state(&schemes());
        let state = Rc::new(example).reduce(Action::UseScheme {
            to: own.scheme.clone(),
            own: Some(own.data.clone()),
            linked: false,
        });
        assert_eq!(state.unused.len(), 6);
        assert_eq!(state.scheme_id, "hx-township");
        let link = Saved::shared(&state).to_fragment();
        let back = Saved::from_fragment(&link, &schemes()).unwrap();
        assert_eq!(back.own, state.own);
        assert_eq!(back.unused, state.unused);
        // Back under B (its preset), everything is in its place again.
        let b = schemes()[0].clone();
        let again = Rc::new(back.into_state()).reduce(Action::UseScheme {
            to: b,
            own: None,
            linked: false,
        });
        assert!(again.unused.is_empty());
        assert_eq!(
            again.draft.source("vote").unwrap().counts,
            ["30", "15", "4", "1"]
        );
        // The scheme's data damaged: the line is named, nothing is read.
        let text = Saved::local(&state).to_text().replace(&*own.data, "AAAA");
        assert_eq!(
            Saved::from_text(&text, &schemes()).map_err(|e| e.to_string()),
            Err("第 3 行的方案数据无法读取".into())
        );
    }
}
