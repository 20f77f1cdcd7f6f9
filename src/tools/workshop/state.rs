//! The workshop's state and its actions: what is being edited (the scheme it started from, the
//! shape the editor made of it, the values tried over that shape), its undo history, and what
//! the panels around it hold (last year's list, a link made, a scheme kept, an apply being
//! confirmed). Every change goes through [`WorkshopState::reduce`], as on the two pages; the
//! views only send actions.

use std::rc::Rc;

use dingji_rules::Scheme;
use yew::Reducible;

use super::apply::CategoryMapping;
use super::{Calculator, LastYear, Trial};
use crate::shared::history::History;

/// How many changes of a trial can be taken back.
pub const TRIAL_STEPS: usize = 200;

/// What the workshop is opened over: what a trial is compared with and applied to.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Over {
    /// The list page's list: each organization before and after, the quotas, last year; a
    /// trial is applied to the list.
    #[default]
    List,
    /// The calculator: the list holds its one organization, whose result under the trial is
    /// shown beside its result now (no quotas, no last year), and any valid trial is applied to
    /// the calculator ([`Calculator::applied`]).
    Calculator(Calculator),
}

impl Over {
    /// The calculator, where the workshop is opened over it.
    pub fn calculator(&self) -> Option<&Calculator> {
        match self {
            Over::List => None,
            Over::Calculator(c) => Some(c),
        }
    }
}

/// What the workshop edits: the scheme it started from (what changes are marked against), the
/// shape the editor made of it, and the values tried over that shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Edited {
    pub start: Rc<Scheme>,
    pub shape: Rc<Scheme>,
    pub trial: Trial,
}

impl Edited {
    /// `scheme` as it is, to start from.
    pub fn of(scheme: Rc<Scheme>) -> Edited {
        Edited {
            trial: Trial::of(&scheme),
            start: scheme.clone(),
            shape: scheme,
        }
    }
}

/// A value typed or slid in the trial's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrialEdit {
    /// Weight `i` as typed (the others as they are).
    Weight(usize, String),
    /// Weight `i` from its slider: the others follow in proportion, the total kept at 100.
    Slide(usize, String),
    /// The others balanced around weight `i` as it is typed (the offer taken).
    Balance(usize),
    /// Threshold `i`.
    Threshold(usize, String),
    /// Quota share `k` (in the order the trial has them).
    Share(usize, String),
}

/// Everything the workshop does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A field typed or slid: one step back.
    Edit(TrialEdit),
    /// The editor changed the scheme's shape to `new`; the values typed are carried from
    /// `as_tried` (the scheme as tried when it changed), where the new shape has them.
    Shape {
        as_tried: Rc<Scheme>,
        new: Rc<Scheme>,
    },
    /// Start again from `scheme` as it is (a preset, a blank, one of my schemes, a file).
    StartFrom(Rc<Scheme>),
    /// Back to where this start began.
    ResetAll,
    Undo,
    Redo,
    /// A scheme file could not be opened: why (nothing else changes).
    OpenFailed(String),
    /// Whether the before-and-after table lists only the organizations that change.
    OnlyChanged(bool),
    /// A link to the trial was made (and copied).
    Linked(String),
    /// Last year's list was read, or why not.
    LastYear(Result<Rc<LastYear>, String>),
    /// An apply that changes more than the grading waits for a yes: the scheme and how its
    /// missing category words map; `None` goes back to editing.
    Confirming(Option<(Rc<Scheme>, CategoryMapping)>),
    /// A category word mapped to a category of the scheme being confirmed (`""`: unmapped).
    Map {
        word: String,
        category: String,
    },
    /// The name a scheme is kept under in my schemes.
    Name(String),
    /// My schemes' stored text after a scheme was kept.
    Kept(String),
}

/// The workshop: what is edited and what is around it.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkshopState {
    pub edited: Edited,
    history: History<Edited>,
    /// The weight typed last: where the total is not 100, the others are offered balanced
    /// around it, as its slider would have them.
    pub typed: Option<usize>,
    pub only_changed: bool,
    /// Why a scheme file (or a link) could not be opened.
    pub open_error: Option<String>,
    /// The trial as a link (list.html#scheme=…), once asked for: a what-if to hand out.
    pub link: Option<String>,
    /// Last year's list, the baseline of 晋位 and 降位, or why it could not be read.
    pub last: Option<Rc<LastYear>>,
    pub last_error: Option<String>,
    /// An apply waiting to be confirmed.
    pub confirming: Option<(Rc<Scheme>, CategoryMapping)>,
    pub name: String,
    /// My schemes as stored in this browser.
    pub kept: String,
}

impl WorkshopState {
    /// The workshop starting from `scheme`, with my schemes' stored text `kept`; `open_error`
    /// where a link's scheme could not be read (then `scheme` is the list's own).
    pub fn new(scheme: Rc<Scheme>, open_error: Option<String>, kept: String) -> Self {
        WorkshopState {
            edited: Edited::of(scheme),
            history: History::new(TRIAL_STEPS),
            typed: None,
            only_changed: true,
            open_error,
            link: None,
            last: None,
            last_error: None,
            confirming: None,
            name: String::new(),
            kept,
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// `next` as what is edited, what was before kept to undo.
    fn change(&mut self, next: Edited) {
        let before = std::mem::replace(&mut self.edited, next);
        self.history.push(before);
    }
}

impl Reducible for WorkshopState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::Edit(edit) => {
                let mut edited = next.edited.clone();
                let t = &mut edited.trial;
                match edit {
                    TrialEdit::Weight(i, text) => {
                        if let Some(w) = t.weights.get_mut(i) {
                            *w = text;
                        }
                        next.typed = Some(i);
                    }
                    TrialEdit::Slide(i, text) => t.balance_weight(i, text),
                    TrialEdit::Balance(i) => {
                        let text = t.weights.get(i).cloned().unwrap_or_default();
                        t.balance_weight(i, text);
                    }
                    TrialEdit::Threshold(i, text) => {
                        if let Some(m) = t.thresholds.get_mut(i) {
                            *m = text;
                        }
                    }
                    TrialEdit::Share(k, text) => {
                        if let Some((_, s)) = t.shares.get_mut(k) {
                            *s = text;
                        }
                    }
                }
                next.change(edited);
            }
            Action::Shape { as_tried, new } => {
                let edited = Edited {
                    start: next.edited.start.clone(),
                    trial: next.edited.trial.carry(&as_tried, &new),
                    shape: new,
                };
                next.change(edited);
            }
            Action::StartFrom(scheme) => {
                next.change(Edited::of(scheme));
                next.open_error = None;
            }
            Action::ResetAll => {
                let start = next.edited.start.clone();
                next.change(Edited::of(start));
            }
            Action::Undo | Action::Redo => {
                let here = next.edited.clone();
                let to = if action == Action::Undo {
                    next.history.undo(here)
                } else {
                    next.history.redo(here)
                };
                if let Some(to) = to {
                    next.edited = to;
                }
            }
            Action::OpenFailed(why) => next.open_error = Some(why),
            Action::OnlyChanged(only) => next.only_changed = only,
            Action::Linked(url) => next.link = Some(url),
            Action::LastYear(Ok(last)) => {
                next.last = Some(last);
                next.last_error = None;
            }
            Action::LastYear(Err(why)) => next.last_error = Some(why),
            Action::Confirming(c) => next.confirming = c,
            Action::Map { word, category } => {
                if let Some((_, mapping)) = &mut next.confirming {
                    mapping.retain(|(w, _)| *w != word);
                    if !category.is_empty() {
                        mapping.push((word, category));
                    }
                }
            }
            Action::Name(name) => next.name = name,
            Action::Kept(text) => next.kept = text,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dingji_rules::presets;

    fn b() -> Rc<Scheme> {
        Rc::new(presets::by_id("B").unwrap())
    }

    fn start() -> Rc<WorkshopState> {
        Rc::new(WorkshopState::new(b(), None, String::new()))
    }

    fn weights(s: &WorkshopState) -> Vec<&str> {
        s.edited.trial.weights.iter().map(String::as_str).collect()
    }

    #[test]
    fn a_slider_keeps_the_total_and_each_step_undoes_and_redoes() {
        // Preset B weighs its three sources 50, 30 and 20.
        let s = start();
        assert_eq!(weights(&s), ["50", "30", "20"]);
        let s = s.reduce(Action::Edit(TrialEdit::Slide(0, "60".into())));
        // 60 on the first, the 40 left of 100 shared 30 : 20 by the others' own proportion.
        assert_eq!(weights(&s), ["60", "24", "16"]);
        let s = s.reduce(Action::Edit(TrialEdit::Threshold(0, "92".into())));
        assert_eq!(s.edited.trial.thresholds[0], "92");
        let s = s.reduce(Action::Undo);
        assert_eq!(s.edited.trial.thresholds[0], "90");
        assert_eq!(weights(&s), ["60", "24", "16"]);
        let s = s.reduce(Action::Undo);
        assert_eq!(weights(&s), ["50", "30", "20"]);
        assert!(!s.can_undo(), "back at the start: nothing more to undo");
        let s = s.reduce(Action::Redo).reduce(Action::Redo);
        assert_eq!(s.edited.trial.thresholds[0], "92");
        assert!(!s.can_redo());
    }

    #[test]
    fn a_weight_typed_is_offered_balanced_and_the_offer_taken_is_one_step() {
        let s = start().reduce(Action::Edit(TrialEdit::Weight(0, "70".into())));
        assert_eq!(
            weights(&s),
            ["70", "30", "20"],
            "typing changes that weight alone"
        );
        assert_eq!(s.typed, Some(0));
        let s = s.reduce(Action::Edit(TrialEdit::Balance(0)));
        // 30 left, shared 30 : 20.
        assert_eq!(weights(&s), ["70", "18", "12"]);
        let s = s.reduce(Action::Undo);
        assert_eq!(weights(&s), ["70", "30", "20"]);
    }

    #[test]
    fn a_new_start_forgets_what_was_undone_and_reset_goes_back_to_it() {
        let s = start()
            .reduce(Action::Edit(TrialEdit::Weight(1, "35".into())))
            .reduce(Action::Undo);
        assert!(s.can_redo());
        let a = Rc::new(presets::by_id("A").unwrap());
        let s = s.reduce(Action::OpenFailed("方案文件未打开".into()));
        let s = s.reduce(Action::StartFrom(a.clone()));
        assert!(!s.can_redo(), "a change after an undo: nothing to redo");
        assert_eq!(
            s.open_error, None,
            "a scheme opened clears the last failure"
        );
        assert_eq!(s.edited.start, a);
        let s = s
            .reduce(Action::Edit(TrialEdit::Threshold(0, "80".into())))
            .reduce(Action::ResetAll);
        assert_eq!(s.edited, Edited::of(a));
        // And back through the reset, the start and to B.
        let s = s
            .reduce(Action::Undo)
            .reduce(Action::Undo)
            .reduce(Action::Undo);
        assert_eq!(s.edited.start, b());
    }

    #[test]
    fn a_shape_change_keeps_the_values_typed_where_the_new_shape_has_them() {
        let s = start().reduce(Action::Edit(TrialEdit::Threshold(1, "77".into())));
        let as_tried = Rc::new(
            s.edited
                .trial
                .scheme(&s.edited.shape, dingji_rules::Lang::Zh)
                .unwrap(),
        );
        let mut new = (*as_tried).clone();
        new.name.zh = "某镇方案".into();
        let s = s.reduce(Action::Shape {
            as_tried,
            new: Rc::new(new),
        });
        assert_eq!(s.edited.trial.thresholds[1], "77");
        assert_eq!(s.edited.shape.name.zh, "某镇方案");
        assert_eq!(
            s.edited.start,
            b(),
            "the start is what changes are marked against"
        );
        let s = s.reduce(Action::Undo);
        assert_eq!(s.edited.shape, b());
    }

    #[test]
    fn a_category_word_maps_once_and_unmaps() {
        let s = start().reduce(Action::Confirming(Some((b(), Vec::new()))));
        let s = s
            .reduce(Action::Map {
                word: "农村".into(),
                category: "rural".into(),
            })
            .reduce(Action::Map {
                word: "农村".into(),
                category: "village".into(),
            });
        assert_eq!(
            s.confirming.as_ref().unwrap().1,
            [("农村".to_owned(), "village".to_owned())]
        );
        let s = s.reduce(Action::Map {
            word: "农村".into(),
            category: String::new(),
        });
        assert!(s.confirming.as_ref().unwrap().1.is_empty());
        assert!(
            !s.can_undo(),
            "what surrounds the trial is not a step of it"
        );
    }
}
