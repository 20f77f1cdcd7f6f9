//! The list's history: each change to the rows is a step (undo and redo, [`HISTORY`] steps), and
//! so is a scheme applied or chosen, since a step keeps the scheme its rows were read under. Rows
//! are shared between steps (`Rc`), so a step costs a pointer per row.

use std::rc::Rc;

use dingji_rules::Scheme;

use super::state::{ListState, Row, Rows};
use crate::wire::columns::Modes;

/// A step of history: the rows, the form each source was entered in, and the scheme they were
/// read under (a scheme applied from the workshop or chosen is a step too).
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub rows: Rows,
    pub modes: Modes,
    pub scheme: Rc<Scheme>,
    pub scheme_data: Option<Rc<str>>,
}

/// Steps are the same with the same rows, forms and scheme: the rows and the scheme by identity
/// ([`crate::shared::Same`]).
impl PartialEq for Snapshot {
    fn eq(&self, other: &Snapshot) -> bool {
        let Snapshot {
            rows,
            modes,
            scheme,
            scheme_data,
        } = self;
        Rc::ptr_eq(rows, &other.rows)
            && *modes == other.modes
            && Rc::ptr_eq(scheme, &other.scheme)
            && *scheme_data == other.scheme_data
    }
}

impl Eq for Snapshot {}

impl ListState {
    /// Makes `rows` the list, as a step of the history (`self.modes` may have changed already:
    /// `modes` is what the rows were entered in before).
    pub(super) fn commit_from(&mut self, rows: Vec<Rc<Row>>, modes: Modes) {
        let previous = std::mem::replace(&mut self.rows, Rc::new(rows));
        let step = Snapshot {
            rows: previous,
            modes,
            scheme: self.scheme.clone(),
            scheme_data: self.scheme_data.clone(),
        };
        self.push_undo(step);
    }

    /// `step` as the last step of the history (the oldest forgotten beyond `HISTORY` steps); what
    /// was undone cannot be redone after it.
    pub(super) fn push_undo(&mut self, step: Snapshot) {
        self.history.push(step);
    }

    /// The list as it is, as a step of history.
    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot {
            rows: self.rows.clone(),
            modes: self.modes.clone(),
            scheme: self.scheme.clone(),
            scheme_data: self.scheme_data.clone(),
        }
    }

    /// The list as `step` had it.
    pub(super) fn restore(&mut self, step: Snapshot) {
        self.rows = step.rows;
        self.modes = step.modes;
        self.scheme = step.scheme;
        self.scheme_data = step.scheme_data;
    }

    /// Makes `rows` the list, as a step of the history.
    pub fn commit(&mut self, rows: Vec<Rc<Row>>) {
        let modes = self.modes.clone();
        self.commit_from(rows, modes);
    }
}
