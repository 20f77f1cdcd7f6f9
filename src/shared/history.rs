//! One undo history for the pages and the tools: the values before each change (to undo) and
//! those undone (to redo), a step a change, the oldest forgotten beyond a limit. What was undone
//! cannot be redone once a new change is made. The list page keeps its rows' steps here, the
//! workshop its trials', the calculator the one step before 清空 or an opened link.

/// The steps before and after a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    limit: usize,
}

impl<T> History<T> {
    /// An empty history of at most `limit` steps back.
    pub fn new(limit: usize) -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            limit,
        }
    }

    /// `before` (the value as it was before a change) as the last step; the oldest step beyond
    /// the limit is forgotten, and nothing undone can be redone after it.
    pub fn push(&mut self, before: T) {
        self.undo.push(before);
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The value to go back to, `now` kept to redo; `None` (and `now` let go) at the start.
    pub fn undo(&mut self, now: T) -> Option<T> {
        let back = self.undo.pop()?;
        self.redo.push(now);
        Some(back)
    }

    /// The value undone last, `now` kept to undo again; `None` where nothing was undone.
    pub fn redo(&mut self, now: T) -> Option<T> {
        let forward = self.redo.pop()?;
        self.undo.push(now);
        Some(forward)
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone.
    pub fn steps(&self) -> usize {
        self.undo.len()
    }

    /// The last step, to be written over by a change made of several (one step for all).
    pub fn last_mut(&mut self) -> Option<&mut T> {
        self.undo.last_mut()
    }

    /// The last step, taken back with nothing kept to redo (a take-back, not an undo).
    pub fn take_back(&mut self) -> Option<T> {
        self.redo.clear();
        self.undo.pop()
    }

    /// Every step forgotten.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_steps_and_a_change_forgets_what_was_undone() {
        let mut h = History::new(3);
        let mut now = 0;
        for next in 1..=5 {
            h.push(now);
            now = next;
        }
        // Three steps kept of five: back to 2, then no further.
        assert_eq!(h.steps(), 3);
        for want in [4, 3, 2] {
            now = h.undo(now).unwrap_or(now);
            assert_eq!(now, want);
        }
        assert_eq!(h.undo(now), None);
        assert!(!h.can_undo() && h.can_redo());
        now = h.redo(now).unwrap_or(now);
        assert_eq!(now, 3);
        // A change after an undo: nothing to redo.
        h.push(now);
        assert!(!h.can_redo());
        assert_eq!(h.redo(9), None);
        assert_eq!(h.undo(7), Some(3));
    }

    #[test]
    fn a_take_back_returns_the_step_and_leaves_nothing_to_redo() {
        let mut h = History::new(1);
        h.push("before 清空");
        h.push("before the second 清空");
        // One step kept: the later one, as pushed (the calculator pushes only onto an empty one).
        assert_eq!(h.steps(), 1);
        assert_eq!(h.take_back(), Some("before the second 清空"));
        assert!(!h.can_undo() && !h.can_redo());
        assert_eq!(h.take_back(), None);
    }
}
