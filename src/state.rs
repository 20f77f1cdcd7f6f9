//! The app's state and the actions that change it. The reducer is pure: no storage, no DOM.
//! Everything derived from the state (the effective scheme, the result, the explanation) is
//! computed in [`crate::calc`] where it is shown.
//!
//! The same [`Saved`] form is what local storage keeps (versioned key) and what a share link
//! carries in its fragment.

use std::rc::Rc;

use dingji_rules::Scheme;
use dingji_rules::draft::{Mode, OrgDraft};
use dingji_rules::map;
use yew::Reducible;

use crate::i18n::Lang;

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
    /// A message for the user (a share link that could not be read, storage that failed).
    pub notice: Option<Notice>,
}

/// Changes to a preset's weights (one per source) and thresholds (one per tier but the last),
/// as typed. `None`: as the preset has them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edits {
    /// Weights in percent, by source index.
    pub weights: Option<Vec<String>>,
    /// Tier thresholds, by tier index.
    pub thresholds: Option<Vec<String>>,
}

impl Edits {
    /// Whether nothing was changed.
    pub fn is_empty(&self) -> bool {
        self.weights.is_none() && self.thresholds.is_none()
    }
}

/// A message shown above the page until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A share link that could not be read; the current inputs were kept.
    BadLink(String),
    /// The saved inputs could not be read; they were kept aside and the page started afresh.
    BadStorage(String),
    /// Saving failed (storage full or disabled): changes will not survive a reload.
    SaveFailed,
    /// A share link was opened.
    LinkOpened,
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
    /// A weight of the scheme; `defaults` are the preset's, used for the first change.
    SetWeight {
        index: usize,
        text: String,
        defaults: Vec<String>,
    },
    /// A tier threshold of the scheme, likewise.
    SetThreshold {
        index: usize,
        text: String,
        defaults: Vec<String>,
    },
    /// Back to the preset's weights and thresholds.
    ResetScheme,
    /// Clear every entry.
    ClearInputs,
    /// Replace the inputs with those of a share link.
    Open(Saved),
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
            notice: None,
        }
    }
}

fn set_at(list: &mut Option<Vec<String>>, defaults: Vec<String>, index: usize, text: String) {
    let values = list.get_or_insert(defaults);
    if values.len() <= index {
        values.resize(index + 1, String::new());
    }
    if let Some(slot) = values.get_mut(index) {
        *slot = text;
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
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
            Action::SetWeight {
                index,
                text,
                defaults,
            } => set_at(&mut next.edits.weights, defaults, index, text),
            Action::SetThreshold {
                index,
                text,
                defaults,
            } => set_at(&mut next.edits.thresholds, defaults, index, text),
            Action::ResetScheme => next.edits = Edits::default(),
            Action::ClearInputs => {
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
            Action::Notify(notice) => next.notice = Some(notice),
            Action::Dismiss => next.notice = None,
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// What local storage keeps and a share link carries, in a small line format of its own (a JSON
/// reader would cost the first load about 12 KiB of gzip wasm):
///
/// ```text
/// dingji 1
/// scheme B
/// mode vote votes
/// score committee 92
/// count vote 0 30
/// weight 0 60
/// ```
///
/// One entry per line, tokens separated by a space; `\`, a space and a newline inside a token are
/// written `\\`, `\s` and `\n`. The first line names the format and its version.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    /// The preset scheme's id.
    pub scheme: String,
    /// The entries.
    pub draft: OrgDraft,
    /// The scheme changes.
    pub edits: Edits,
    /// The interface language (kept locally, not in links).
    pub lang: Option<Lang>,
    /// Presentation mode (kept locally, not in links).
    pub presentation: bool,
    /// Whether the working is shown (kept locally, not in links).
    pub show_why: bool,
}

/// `token` with `\`, newline and the separator of its line escaped: `sep` is the separator
/// and the letter that stands for it (`(' ', 's')` here, `('\t', 't')` in the list's lines).
pub(crate) fn escape_token(token: &str, sep: (char, char)) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c == sep.0 => {
                out.push('\\');
                out.push(sep.1);
            }
            c => out.push(c),
        }
    }
    out
}

/// The token that [`escape_token`] escaped, or `None` if an escape is broken.
pub(crate) fn unescape_token(token: &str, sep: (char, char)) -> Option<String> {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(match chars.next()? {
                '\\' => '\\',
                'n' => '\n',
                c if c == sep.1 => sep.0,
                _ => return None,
            });
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn escape(token: &str) -> String {
    escape_token(token, (' ', 's'))
}

fn unescape(token: &str) -> Option<String> {
    unescape_token(token, (' ', 's'))
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Score => "score",
        Mode::Indicators => "indicators",
        Mode::Votes => "votes",
    }
}

impl Saved {
    /// The format line this build writes and reads.
    pub const HEADER: &'static str = "dingji 1";

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

    /// As text.
    pub fn to_text(&self) -> String {
        let mut lines = vec![
            Self::HEADER.to_owned(),
            format!("scheme {}", escape(&self.scheme)),
        ];
        let d = &self.draft;
        if !d.category.is_empty() {
            lines.push(format!("category {}", escape(&d.category)));
        }
        for (id, source) in &d.inputs {
            let id = escape(id);
            lines.push(format!("mode {id} {}", mode_name(source.mode)));
            if !source.score.is_empty() {
                lines.push(format!("score {id} {}", escape(&source.score)));
            }
            for (indicator, text) in &source.indicators {
                lines.push(format!("ind {id} {} {}", escape(indicator), escape(text)));
            }
            for (level, text) in source
                .counts
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.is_empty())
            {
                lines.push(format!("count {id} {level} {}", escape(text)));
            }
            if !source.eligible.is_empty() {
                lines.push(format!("eligible {id} {}", escape(&source.eligible)));
            }
        }
        for veto in &d.vetoes {
            lines.push(format!("veto {}", escape(veto)));
        }
        for (what, list) in [
            ("weight", &self.edits.weights),
            ("threshold", &self.edits.thresholds),
        ] {
            for (i, text) in list.iter().flatten().enumerate() {
                lines.push(format!("{what} {i} {}", escape(text)));
            }
        }
        if let Some(lang) = self.lang {
            lines.push(format!(
                "lang {}",
                if lang == Lang::En { "en" } else { "zh" }
            ));
        }
        if self.presentation {
            lines.push("presentation".to_owned());
        }
        if self.show_why {
            lines.push("why".to_owned());
        }
        lines.join("\n")
    }

    /// Reads saved inputs, checking the format line and that the scheme exists. The message
    /// names the line that could not be read.
    pub fn from_text(text: &str, schemes: &[Rc<Scheme>]) -> Result<Self, String> {
        let mut lines = text.lines();
        match lines.next() {
            Some(Self::HEADER) => {}
            Some(other) if other.starts_with("dingji ") => {
                return Err(format!("版本“{other}”不是本程序能读取的“{}”", Self::HEADER));
            }
            _ => return Err("不是本程序保存的内容".to_owned()),
        }
        let mut saved = Saved::default();
        for (n, line) in lines.enumerate() {
            let bad = || format!("第 {} 行无法读取：“{line}”", n + 2);
            let tokens: Option<Vec<String>> = line.split(' ').map(unescape).collect();
            let tokens = tokens.ok_or_else(bad)?;
            let t: Vec<&str> = tokens.iter().map(String::as_str).collect();
            let index = |s: &str| s.parse::<usize>().ok().filter(|&i| i < 64).ok_or_else(bad);
            match t.as_slice() {
                ["scheme", id] => saved.scheme = (*id).to_owned(),
                ["category", id] => saved.draft.category = (*id).to_owned(),
                ["mode", source, mode] => {
                    map::entry(&mut saved.draft.inputs, source).mode = match *mode {
                        "score" => Mode::Score,
                        "indicators" => Mode::Indicators,
                        "votes" => Mode::Votes,
                        _ => return Err(bad()),
                    }
                }
                ["score", source, text] => {
                    map::entry(&mut saved.draft.inputs, source).score = (*text).to_owned()
                }
                ["ind", source, indicator, text] => {
                    let entry = map::entry(&mut saved.draft.inputs, source);
                    map::insert(&mut entry.indicators, indicator, (*text).to_owned());
                }
                ["count", source, level, text] => {
                    let level = index(level)?;
                    let counts = &mut map::entry(&mut saved.draft.inputs, source).counts;
                    if counts.len() <= level {
                        counts.resize(level + 1, String::new());
                    }
                    if let Some(slot) = counts.get_mut(level) {
                        *slot = (*text).to_owned();
                    }
                }
                ["eligible", source, text] => {
                    map::entry(&mut saved.draft.inputs, source).eligible = (*text).to_owned()
                }
                ["veto", id] => saved.draft.vetoes.push((*id).to_owned()),
                ["weight", i, text] => {
                    let i = index(i)?;
                    let list = saved.edits.weights.get_or_insert_with(Vec::new);
                    list.resize(list.len().max(i + 1), String::new());
                    if let Some(slot) = list.get_mut(i) {
                        *slot = (*text).to_owned();
                    }
                }
                ["threshold", i, text] => {
                    let i = index(i)?;
                    let list = saved.edits.thresholds.get_or_insert_with(Vec::new);
                    list.resize(list.len().max(i + 1), String::new());
                    if let Some(slot) = list.get_mut(i) {
                        *slot = (*text).to_owned();
                    }
                }
                ["lang", "zh"] => saved.lang = Some(Lang::Zh),
                ["lang", "en"] => saved.lang = Some(Lang::En),
                ["presentation"] => saved.presentation = true,
                ["why"] => saved.show_why = true,
                [""] => {}
                _ => return Err(bad()),
            }
        }
        if !schemes.iter().any(|s| s.id == saved.scheme) {
            return Err(format!("没有编号为「{}」的方案", saved.scheme));
        }
        Ok(saved)
    }

    /// As the fragment of a share link: `v1=` and the text in URL-safe base64.
    pub fn to_fragment(&self) -> String {
        format!("v1={}", crate::base64::encode(self.to_text().as_bytes()))
    }

    /// Reads the fragment of a share link (without the `#`).
    pub fn from_fragment(fragment: &str, schemes: &[Rc<Scheme>]) -> Result<Self, String> {
        let Some(data) = fragment.strip_prefix("v1=") else {
            return Err("不是本程序的分享链接".to_owned());
        };
        let bytes =
            crate::base64::decode(data).ok_or_else(|| "链接内容不完整或被改动".to_owned())?;
        let text = String::from_utf8(bytes).map_err(|_| "链接内容不完整或被改动".to_owned())?;
        Self::from_text(&text, schemes)
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
        state.edits.weights = Some(vec!["60".into(), "20".into(), "20".into()]);
        let link = Saved::shared(&state).to_fragment();
        let back = Saved::from_fragment(&link, &schemes()).unwrap();
        assert_eq!(back.draft, state.draft);
        assert_eq!(back.edits, state.edits);
        let mut tampered = link.clone();
        tampered.truncate(link.len() - 5);
        assert!(Saved::from_fragment(&tampered, &schemes()).is_err());
        assert_eq!(
            Saved::from_fragment("x=1", &schemes()),
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
            Saved::from_text(&broken, &schemes()),
            Err(format!("第 {lines} 行无法读取：“score”"))
        );
        assert_eq!(
            Saved::from_text("dingji 9\nscheme B", &schemes()),
            Err("版本“dingji 9”不是本程序能读取的“dingji 1”".into())
        );
        assert_eq!(
            Saved::from_text("{}", &schemes()),
            Err("不是本程序保存的内容".into())
        );
    }

    #[test]
    fn first_weight_change_starts_from_the_preset() {
        let state = Rc::new(AppState::default());
        let defaults = vec!["50".to_owned(), "30".to_owned(), "20".to_owned()];
        let next = state.reduce(Action::SetWeight {
            index: 0,
            text: "60".into(),
            defaults,
        });
        assert_eq!(
            next.edits.weights.as_deref(),
            Some(&["60".to_owned(), "30".to_owned(), "20".to_owned()][..])
        );
    }
}
