//! The list's state and the actions that change it. The reducer is pure (no storage, no DOM);
//! each row keeps its entries as typed and what they read as, re-read only when the row (or the
//! scheme) changes, so that editing one cell of 10,000 rows reads one row.
//!
//! Every change to the rows is one step of the history (undo and redo, 100 steps): rows are
//! shared between steps (`Rc`), so a step costs a pointer per row.

use std::rc::Rc;

use dingji_rules::draft::{FieldError, Mode, OrgDraft};
use dingji_rules::{Lang, Org, Scheme, map};
use yew::Reducible;

pub use super::history::Snapshot;
use super::rescheme::{modes_under, rehome_override};
use crate::shared::history::History;
use crate::shared::i18n::{cell_error_message, fill, list_strings};
use crate::wire::Error;
use crate::wire::columns::{Col, Modes, default_modes};
use crate::wire::list::PublicityText;

/// The steps of history kept.
pub const HISTORY: usize = 100;

/// One organization of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// A key that survives sorting and editing.
    pub id: u64,
    /// The entries as typed.
    pub draft: OrgDraft,
    /// What they read as under the list's scheme.
    pub parsed: Result<Org, Vec<FieldError>>,
}

impl Row {
    /// A row of `draft`, read under `scheme`.
    pub fn new(id: u64, draft: OrgDraft, scheme: &Scheme) -> Row {
        let parsed = draft.parse(scheme);
        Row { id, draft, parsed }
    }
}

/// The rows.
pub type Rows = Rc<Vec<Rc<Row>>>;

/// How the results are ordered and which are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// Sort by rank (best first) instead of the list's order.
    pub by_rank: bool,
    /// Only this category (id).
    pub category: Option<String>,
    /// Only this tier.
    pub tier: Option<usize>,
    /// Only these stars.
    pub stars: Option<u8>,
}

/// A message above the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The saved list could not be read: why, and whether it was kept aside (under a key of its
    /// own); if not, it is still under the list's key until the list is changed.
    BadStorage { why: Error, kept: bool },
    /// Saving failed: changes will not survive a reload.
    SaveFailed,
    /// Something was done (an import, a paste) and how much.
    Done(String),
    /// Something could not be done, and why (nothing was changed).
    Refused(Error),
}

/// The list page's state.
#[derive(Clone, Debug)]
pub struct ListState {
    pub lang: Lang,
    pub scheme: Rc<Scheme>,
    /// The scheme's saved form when it is not a preset (one applied from the workshop).
    pub scheme_data: Option<Rc<str>>,
    pub modes: Modes,
    pub rows: Rows,
    pub next_id: u64,
    /// The steps of history (each change to the rows, a scheme applied or chosen).
    pub history: History<Snapshot>,
    pub view: View,
    /// The row whose explanation is open, by id.
    pub open: Option<u64>,
    /// The selected cell: its row's position in the order shown (`Graded::order`, sorted or
    /// filtered as the view is), and its column index.
    pub cursor: (usize, usize),
    pub notice: Option<Notice>,
    /// The start date of rectification (YYYY-MM-DD) and its length in months (6–12).
    pub rectify_from: String,
    pub rectify_months: u32,
    /// The 公示's own words and the forms' heading (written in the 公示's preview).
    pub publicity: PublicityText,
    /// How many rows 添加组织 has added: each time, the cursor's cell takes the focus.
    pub added: u32,
    /// The saved list that could neither be read nor kept aside (storage full): the only copy.
    /// Nothing is saved over it until the user has downloaded it or discarded it.
    pub unreadable: Option<Rc<str>>,
}

/// Two states are the same with the same entries and settings, their rows and scheme by identity
/// ([`crate::shared::Same`]: a changed row is a new `Rc`): every field is named, so that a new
/// one is compared too.
impl PartialEq for ListState {
    fn eq(&self, other: &ListState) -> bool {
        let ListState {
            lang,
            scheme,
            scheme_data,
            modes,
            rows,
            next_id,
            history,
            view,
            open,
            cursor,
            notice,
            rectify_from,
            rectify_months,
            publicity,
            added,
            unreadable,
        } = self;
        Rc::ptr_eq(scheme, &other.scheme)
            && Rc::ptr_eq(rows, &other.rows)
            && *lang == other.lang
            && *scheme_data == other.scheme_data
            && *modes == other.modes
            && *next_id == other.next_id
            && *history == other.history
            && *view == other.view
            && *open == other.open
            && *cursor == other.cursor
            && *notice == other.notice
            && *rectify_from == other.rectify_from
            && *rectify_months == other.rectify_months
            && *publicity == other.publicity
            && *added == other.added
            && *unreadable == other.unreadable
    }
}

impl Eq for ListState {}

impl ListState {
    /// An empty list under `scheme`.
    pub fn new(scheme: Rc<Scheme>) -> ListState {
        ListState {
            lang: Lang::Zh,
            modes: default_modes(&scheme),
            scheme,
            scheme_data: None,
            rows: Rc::new(Vec::new()),
            next_id: 1,
            history: History::new(HISTORY),
            view: View::default(),
            open: None,
            cursor: (0, 0),
            notice: None,
            rectify_from: String::new(),
            rectify_months: 6,
            publicity: PublicityText::default(),
            unreadable: None,
            added: 0,
        }
    }

    /// The input columns.
    pub fn columns(&self) -> Vec<Col> {
        crate::wire::columns::columns(&self.scheme, &self.modes)
    }

    /// A new row's draft: every source in the list's form.
    pub fn blank(&self) -> OrgDraft {
        crate::wire::list::blank(&self.scheme, &self.modes)
    }
}

/// A change the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// The unreadable saved list was downloaded or discarded: saving goes on.
    ReleaseUnreadable,
    /// Grade the list under another scheme (the entries stay; they are read again).
    SetScheme(Rc<Scheme>),
    /// Grade the list under a scheme that is not a preset, with its saved form (one applied from
    /// the workshop).
    Adopt(Rc<Scheme>, Rc<str>),
    /// A scheme applied from the workshop: its saved form where it is not a preset, and each
    /// row's category as the workshop mapped the words the scheme lacks (in the order of the
    /// rows). One step of history.
    Apply {
        scheme: Rc<Scheme>,
        data: Option<Rc<str>>,
        categories: Vec<String>,
    },
    /// The list's preset read again with its English (the English catalogue came in): the same
    /// numbers, so nothing is graded differently and the history stays.
    Relabel(Rc<Scheme>),
    /// Enter a source in another form, for the whole list.
    SetMode {
        source: String,
        mode: Mode,
    },
    /// One cell, by row index and column.
    SetCell {
        row: usize,
        col: Col,
        text: String,
    },
    /// A paste as the tools bundle read it (`tools::paste`): the rows it changed (each by
    /// its place in the list when the paste was read, and its id), with their new entries, the
    /// rows it added, and what it says ("已粘贴 3 行"). Rows deleted since are left out; rows
    /// edited since take the pasted cells.
    Pasted {
        changed: Vec<(usize, u64, OrgDraft)>,
        added: Vec<OrgDraft>,
        said: String,
    },
    AddRow,
    DeleteRow(usize),
    DuplicateRow(usize),
    /// Replace the list (or append to it) with imported drafts, entered in `modes`, as one step.
    Import {
        drafts: Vec<OrgDraft>,
        append: bool,
        modes: Modes,
    },
    /// [`Action::Import`] of rows already read under `under` (a long list, read a part at a
    /// time while the page answered: `list::loading`), numbered from the list's next id.
    ImportRead {
        rows: Vec<Rc<Row>>,
        under: Rc<Scheme>,
        append: bool,
        modes: Modes,
    },
    Undo,
    Redo,
    SetView(View),
    Open(Option<u64>),
    /// The cell at position `row` of the order shown, column `col`, is selected.
    Move {
        row: usize,
        col: usize,
    },
    /// The 公示's own words, as written in its preview.
    SetPublicity(PublicityText),
    SetRectify {
        from: String,
        months: u32,
    },
    Notify(Notice),
    Dismiss,
    /// Another window of this page saved the list: show its list (as a step of the history when
    /// it is under the same scheme, so that 撤销 brings this window's back).
    Reload(Box<ListState>),
}

impl ListState {
    /// The list with imported `rows` (numbered from the next id) in place of its own, or after
    /// them (`append`: `before`, in the import's `modes`); one step of history.
    fn import(&mut self, before: &[Rc<Row>], rows: Vec<Rc<Row>>, append: bool, modes: Modes) {
        let modes_before = std::mem::replace(&mut self.modes, modes);
        let count = rows.len();
        let mut all = if append {
            self.in_modes(before, &self.modes)
        } else {
            Vec::new()
        };
        all.extend(rows);
        self.next_id += count as u64;
        self.view = View::default();
        self.notice = Some(Notice::Done(fill(
            list_strings(self.lang).imported(),
            &[&count.to_string()],
        )));
        self.commit_from(all, modes_before);
    }

    /// The rows re-read with each source in `modes`.
    fn in_modes(&self, rows: &[Rc<Row>], modes: &Modes) -> Vec<Rc<Row>> {
        rows.iter()
            .map(|r| {
                let mut draft = r.draft.clone();
                for (source, mode) in modes {
                    draft.source_mut(&self.scheme, source).mode = *mode;
                }
                Rc::new(Row::new(r.id, draft, &self.scheme))
            })
            .collect()
    }
}

impl Action {
    /// The paste that made `after` (the entries as the tools bundle left them) of `before` (the
    /// rows it was read into, in the same order, at `places` in the list): each row whose
    /// entries it changed, by place and id, and the rows it added.
    pub fn pasted(
        before: &[Rc<Row>],
        places: &[usize],
        after: Vec<OrgDraft>,
        said: String,
    ) -> Action {
        let (mut changed, mut added) = (Vec::new(), Vec::new());
        for (i, draft) in after.into_iter().enumerate() {
            match (before.get(i), places.get(i)) {
                (Some(b), _) if b.draft == draft => {}
                (Some(b), Some(&place)) => changed.push((place, b.id, draft)),
                _ => added.push(draft),
            }
        }
        Action::Pasted {
            changed,
            added,
            said,
        }
    }
}

impl Reducible for ListState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Apply {
                scheme,
                data,
                categories,
            } => {
                let mut base = (*self).clone();
                if categories.len() == base.rows.len() {
                    let rows = base.rows.iter().zip(categories).map(|(r, category)| {
                        if r.draft.category == category {
                            return r.clone();
                        }
                        let mut draft = r.draft.clone();
                        draft.category = category;
                        Rc::new(Row::new(r.id, draft, &base.scheme))
                    });
                    base.rows = Rc::new(rows.collect());
                }
                let applied = Rc::new(base).reduce(match data {
                    Some(data) => Action::Adopt(scheme, data),
                    None => Action::SetScheme(scheme),
                });
                // One step: 撤销 brings back the list as it was, its categories too.
                let mut next = (*applied).clone();
                if let Some(step) = next.history.last_mut() {
                    *step = self.snapshot();
                }
                return Rc::new(next);
            }
            Action::Adopt(scheme, data) => {
                let adopted = self.reduce(Action::SetScheme(scheme));
                let mut next = (*adopted).clone();
                next.scheme_data = Some(data);
                return Rc::new(next);
            }
            Action::Relabel(scheme) => {
                if self.scheme_data.is_some() || scheme.id != self.scheme.id {
                    return self;
                }
                next.scheme = scheme;
            }
            Action::SetScheme(scheme) => {
                next.scheme_data = None;
                // An override names its tier and stars: under the new scheme it is the tier of
                // the same name, or none (its old value written into the reason, and said).
                let mut lost = Vec::new();
                let rows: Vec<Rc<Row>> = self
                    .rows
                    .iter()
                    .enumerate()
                    .map(
                        |(i, r)| match rehome_override(&r.draft, &self.scheme, &scheme) {
                            None => r.clone(),
                            Some((draft, gone)) => {
                                if !gone.is_empty() {
                                    let s = list_strings(self.lang);
                                    lost.push(fill(
                                        s.override_lost(),
                                        &[&(i + 1).to_string(), &gone.join(s.list_sep())],
                                    ));
                                }
                                Rc::new(Row::new(r.id, draft, &scheme))
                            }
                        },
                    )
                    .collect();
                next.modes = modes_under(&self.modes, &self.scheme, &scheme);
                next.scheme = scheme;
                next.rows = Rc::new(next.in_modes(&rows, &next.modes));
                if !lost.is_empty() {
                    let s = list_strings(next.lang);
                    next.notice = Some(Notice::Done(fill(
                        s.overrides_lost(),
                        &[&lost.join(s.sentence_sep())],
                    )));
                }
                // A step of history: 撤销 brings back the list under the scheme before.
                next.push_undo(self.snapshot());
                next.view = View::default();
            }
            Action::SetMode { source, mode } => {
                if map::get(&next.modes, &source) == Some(&mode) {
                    return self;
                }
                map::insert(&mut next.modes, &source, mode);
                let rows = next.in_modes(&self.rows, &vec![(source, mode)]);
                next.commit_from(rows, self.modes.clone());
            }
            Action::SetCell { row, col, text } => {
                let Some(current) = next.rows.get(row) else {
                    return self;
                };
                if col.get(&current.draft, &next.scheme) == text.trim() {
                    return self;
                }
                let mut draft = current.draft.clone();
                if let Err(why) = col.set(&mut draft, &next.scheme, &next.modes, &text) {
                    let lang = next.lang;
                    next.notice = Some(Notice::Refused(Error::Refused(fill(
                        list_strings(lang).cell_refused(),
                        &[
                            &(row + 1).to_string(),
                            &col.header(&next.scheme, lang),
                            &cell_error_message(&why, &next.scheme, lang),
                        ],
                    ))));
                    return Rc::new(next);
                }
                let mut rows = (*next.rows).clone();
                if let Some(slot) = rows.get_mut(row) {
                    *slot = Rc::new(Row::new(current.id, draft, &next.scheme));
                }
                next.commit(rows);
            }
            Action::Pasted {
                changed,
                added,
                said,
            } => {
                let mut rows = (*next.rows).clone();
                for (place, id, draft) in changed {
                    // Where the row was when the paste was read, unless the list changed since.
                    let at = match rows.get(place) {
                        Some(r) if r.id == id => Some(place),
                        _ => rows.iter().position(|r| r.id == id),
                    };
                    if let Some(slot) = at.and_then(|at| rows.get_mut(at)) {
                        *slot = Rc::new(Row::new(id, draft, &next.scheme));
                    }
                }
                for draft in added {
                    rows.push(Rc::new(Row::new(next.next_id, draft, &next.scheme)));
                    next.next_id += 1;
                }
                next.notice = Some(Notice::Done(said));
                next.commit(rows);
            }
            Action::AddRow => {
                let mut rows = (*next.rows).clone();
                rows.push(Rc::new(Row::new(next.next_id, next.blank(), &next.scheme)));
                next.next_id += 1;
                // The whole list, in its order: the new row is the last shown, its name cell
                // takes the focus.
                next.view = View::default();
                next.cursor = (rows.len() - 1, 0);
                next.added += 1;
                next.commit(rows);
            }
            Action::DeleteRow(i) => {
                let mut rows = (*next.rows).clone();
                if i >= rows.len() {
                    return self;
                }
                rows.remove(i);
                next.commit(rows);
            }
            Action::DuplicateRow(i) => {
                let Some(current) = next.rows.get(i).cloned() else {
                    return self;
                };
                let mut rows = (*next.rows).clone();
                let mut draft = current.draft.clone();
                draft.name = format!("{}（副本）", draft.name);
                rows.insert(i + 1, Rc::new(Row::new(next.next_id, draft, &next.scheme)));
                next.next_id += 1;
                next.commit(rows);
            }
            Action::Import {
                drafts,
                append,
                modes,
            } => {
                let read = drafts.into_iter().zip(next.next_id..);
                let read = read.map(|(draft, id)| Rc::new(Row::new(id, draft, &next.scheme)));
                next.import(&self.rows, read.collect(), append, modes);
            }
            Action::ImportRead {
                rows,
                under,
                append,
                modes,
            } => {
                // The list changed while they were read (another window's came in): they are
                // numbered and read again under it.
                let fits = Rc::ptr_eq(&under, &next.scheme)
                    && rows.first().is_none_or(|r| r.id == next.next_id);
                let rows = if fits {
                    rows
                } else {
                    let again = rows.iter().zip(next.next_id..);
                    let again = again.map(|(r, id)| Row::new(id, r.draft.clone(), &next.scheme));
                    again.map(Rc::new).collect()
                };
                next.import(&self.rows, rows, append, modes);
            }
            Action::Undo => {
                let Some(step) = next.history.undo(next.snapshot()) else {
                    return self;
                };
                next.restore(step);
            }
            Action::Redo => {
                let Some(step) = next.history.redo(next.snapshot()) else {
                    return self;
                };
                next.restore(step);
            }
            Action::SetView(view) => next.view = view,
            Action::Open(id) => next.open = id,
            Action::Move { row, col } => next.cursor = (row, col),
            Action::SetPublicity(text) => next.publicity = text,
            Action::SetRectify { from, months } => {
                next.rectify_from = from;
                next.rectify_months = months.clamp(6, 12);
            }
            Action::Reload(other) => {
                let s = list_strings(next.lang);
                let mut rows = Vec::with_capacity(other.rows.len());
                for r in other.rows.iter() {
                    rows.push(Rc::new(Row::new(
                        next.next_id,
                        r.draft.clone(),
                        &other.scheme,
                    )));
                    next.next_id += 1;
                }
                next.rectify_from = other.rectify_from.clone();
                next.rectify_months = other.rectify_months;
                next.publicity = other.publicity.clone();
                next.view = View::default();
                next.open = None;
                next.cursor = (0, 0);
                if other.scheme.id == next.scheme.id {
                    let modes = std::mem::replace(&mut next.modes, other.modes.clone());
                    next.commit_from(rows, modes);
                    next.notice = Some(Notice::Done(s.reloaded_from_other_window().to_owned()));
                } else {
                    // Steps of history were read under the other scheme: they cannot come back.
                    next.scheme = other.scheme.clone();
                    next.modes = other.modes.clone();
                    next.rows = Rc::new(rows);
                    next.history.clear();
                    let name = other.scheme.name.get(next.lang);
                    next.notice = Some(Notice::Done(fill(s.reloaded_other_scheme(), &[name])));
                }
            }
            Action::Notify(notice) => next.notice = Some(notice),
            Action::Dismiss => next.notice = None,
            // Downloaded or given up: the list is saved again, over it.
            Action::ReleaseUnreadable => {
                next.unreadable = None;
                next.notice = None;
            }
        }
        if next == *self { self } else { Rc::new(next) }
    }
}
