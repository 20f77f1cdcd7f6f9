//! A long list taken in a part at a time — a province's, opened from the browser's database or
//! imported — so that the page answers meanwhile and says how far it is: the saved text read,
//! then each row read under the scheme and graded alone into the grading's cache (the grading
//! that shows the list then applies only the list rules). A short list is taken in at
//! once, as before.

use std::cell::RefCell;
use std::rc::Rc;

use dingji_rules::Scheme;

use super::derive::GradeCache;
use super::state::{Action, ListState, Row};
use crate::shared::i18n::{Lang, list_strings};
use crate::wire::Unreadable;
use crate::wire::list::{ListSettings, Reading, SavedList};

/// Lines, or rows, taken in between two of the browser's turns: at a million rows, 150–300 ms
/// of work each (measured in Chromium on the machines we measure on). Each turn costs about a
/// frame (the bar is painted), so smaller steps make a long list slower to take in: 20,000 made
/// a million rows' import 2 s slower than taking them in at once.
pub const STEP: usize = 50_000;

/// The saved text of a list taken in at once: about 25,000 rows, under a second of work.
const SHORT: usize = 1 << 20;

/// What is being done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The saved text read into drafts.
    Read,
    /// Each draft read under the scheme and graded alone.
    Grade,
}

impl Stage {
    /// Where the stage starts in the whole, and its share of it: the time each took of 400,000
    /// rows opened in Chromium (0.65 s, then 1.85 s).
    fn span(self) -> (f64, f64) {
        match self {
            Stage::Read => (0.0, 0.25),
            Stage::Grade => (0.25, 0.75),
        }
    }
}

/// How far a list being taken in is: what is being done, and the share of all of it done.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    pub stage: Stage,
    /// From 0 to 1, over every stage.
    pub done: f64,
}

impl Progress {
    fn at(stage: Stage, fraction: f64) -> Progress {
        let (start, share) = stage.span();
        Progress {
            stage,
            done: start + share * fraction.clamp(0.0, 1.0),
        }
    }

    /// The share done, in whole percent.
    pub fn percent(self) -> u32 {
        (self.done * 100.0).floor() as u32
    }

    /// What is being done, as the page says it: "正在逐行评分……".
    pub fn said(self, lang: Lang) -> &'static str {
        let s = list_strings(lang);
        match self.stage {
            Stage::Read => s.taking_in_read(),
            Stage::Grade => s.taking_in_grade(),
        }
    }
}

/// How a list is taken in: at once, or a step at a time with a word to `report` and a turn for
/// the browser after each.
pub struct Steps<'r> {
    size: usize,
    report: Option<&'r dyn Fn(Progress)>,
}

impl<'r> Steps<'r> {
    /// Steps for a list saved as `chars` of text: at once if it is short.
    pub fn for_text(chars: usize, report: &'r dyn Fn(Progress)) -> Steps<'r> {
        if chars <= SHORT {
            Steps::at_once()
        } else {
            Steps {
                size: STEP,
                report: Some(report),
            }
        }
    }

    /// Steps of `size` rows, each said to `report` (the browser's turn between them is taken
    /// only in the browser): what [`Steps::for_text`] gives a long list, at any size (the native
    /// tests).
    pub fn every(size: usize, report: &'r dyn Fn(Progress)) -> Steps<'r> {
        Steps {
            size: size.max(1),
            report: Some(report),
        }
    }

    /// Everything at once, nothing said (a short list).
    pub fn at_once() -> Steps<'static> {
        Steps {
            size: usize::MAX,
            report: None,
        }
    }

    /// A step of `stage` done, `fraction` of it: said, and the browser has a turn.
    async fn after(&self, stage: Stage, fraction: f64) {
        if let Some(report) = self.report {
            report(Progress::at(stage, fraction));
            #[cfg(target_arch = "wasm32")]
            crate::wire::pause().await;
        }
    }
}

/// The list `text` (saved, or an import's answer) taken in: read, each row read under `under`
/// (or the text's own scheme) and numbered from `first`, then graded alone into `cache` as the
/// rows at `at..` of the list graded next ([`GradeCache::warm`]). Its settings and rows.
pub async fn take_in(
    text: &str,
    schemes: &[Rc<Scheme>],
    under: Option<&Rc<Scheme>>,
    (first, at): (u64, usize),
    cache: &RefCell<GradeCache>,
    steps: &Steps<'_>,
) -> Result<(ListSettings, Vec<Rc<Row>>), Unreadable> {
    let mut reading = Reading::new(text)?;
    while !reading.step(schemes, steps.size)? {
        steps.after(Stage::Read, reading.fraction()).await;
    }
    let SavedList { settings, drafts } = reading.done()?;
    let scheme = under.unwrap_or(&settings.scheme).clone();
    let total = drafts.len();
    let mut rows = Vec::with_capacity(total);
    let mut drafts = drafts.into_iter().zip(first..);
    // A part at a time: its rows read under the scheme, then graded alone.
    while rows.len() < total {
        let start = rows.len();
        let part = drafts.by_ref().take(steps.size);
        rows.extend(part.map(|(draft, id)| Rc::new(Row::new(id, draft, &scheme))));
        cache.borrow_mut().warm(&scheme, &rows[start..], at + start);
        steps
            .after(Stage::Grade, rows.len() as f64 / total as f64)
            .await;
    }
    Ok((settings, rows))
}

/// The rows of an import (the import dialog's answer: its drafts as saved-list text) read under
/// the list `state`, and graded alone into the page's `cache` where they will stand: the action
/// that puts them in the list, or why the answer did not read.
pub async fn import(
    text: &str,
    append: bool,
    state: &ListState,
    schemes: &[Rc<Scheme>],
    cache: &RefCell<GradeCache>,
    steps: &Steps<'_>,
) -> Result<Action, Unreadable> {
    let at = if append { state.rows.len() } else { 0 };
    let first = (state.next_id, at);
    let (settings, rows) = take_in(text, schemes, Some(&state.scheme), first, cache, steps).await?;
    Ok(Action::ImportRead {
        rows,
        under: state.scheme.clone(),
        append,
        modes: settings.modes,
    })
}

/// Shows how far a long list being opened or imported is (`progress`), over the page, or
/// nothing more (`None`): the box of `assets/list.html` (`#taking-in`), there before the app
/// is mounted. What is being done is said again only when the stage changes.
pub fn show(progress: Option<Progress>, lang: Lang) {
    let document = gloo::utils::document();
    let element = |id| document.get_element_by_id(id);
    let (Some(shown), Some(said), Some(bar), Some(percent)) = (
        element("taking-in"),
        element("taking-in-said"),
        element("taking-in-bar"),
        element("taking-in-percent"),
    ) else {
        return;
    };
    let Some(progress) = progress else {
        let _ = shown.set_attribute("hidden", "");
        return;
    };
    let _ = shown.remove_attribute("hidden");
    // Named in the page's language when shown (hidden, it needs no name).
    let _ = bar.set_attribute("aria-label", list_strings(lang).taking_in_short());
    let _ = bar.set_attribute("value", &progress.percent().to_string());
    percent.set_text_content(Some(&format!(" {}%", progress.percent())));
    let words = progress.said(lang);
    if said.text_content().as_deref() != Some(words) {
        said.set_text_content(Some(words));
    }
}
