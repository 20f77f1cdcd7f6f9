//! The calculator page as it is kept and sent: its inputs (the preset, the entries, the changes
//! to the weights and thresholds) in local storage, in a share link's fragment, and to the worker
//! for the working. Also how the changes apply to the preset, which both the page and the worker
//! need.

use std::rc::Rc;

use dingji_rules::carry::{Meaning, Unused};
use dingji_rules::draft::{Mode, OrgDraft};
use dingji_rules::number::parse_in_range;
use dingji_rules::{Decimal, Error, Lang, Scheme, map};

use super::Unreadable;
use super::codec::{SPACE, escape_token, unescape_token};
use super::schemes::OwnScheme;

/// Changes to a preset's weights (by source) and thresholds (by tier but the last), as typed:
/// only the values changed, so that a keystroke carries its own value and nothing else. `None`
/// (or no entry): as the preset has it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edits {
    /// Weights in percent, by source index.
    pub weights: Vec<Option<String>>,
    /// Tier thresholds, by tier index.
    pub thresholds: Vec<Option<String>>,
}

impl Edits {
    /// Whether nothing was changed.
    pub fn is_empty(&self) -> bool {
        self.weights
            .iter()
            .chain(&self.thresholds)
            .all(Option::is_none)
    }

    /// The changes that make `scheme` of `preset`, where `scheme` differs from it in weights and
    /// thresholds alone (its id, name and citation aside); `None` where it differs in anything
    /// else.
    pub fn between(preset: &Scheme, scheme: &Scheme) -> Option<Edits> {
        if preset.sources.len() != scheme.sources.len() || preset.tiers.len() != scheme.tiers.len()
        {
            return None;
        }
        let mut rest = scheme.clone();
        for (s, p) in rest.sources.iter_mut().zip(&preset.sources) {
            s.weight = p.weight;
        }
        for (t, p) in rest.tiers.iter_mut().zip(&preset.tiers) {
            t.min = p.min;
        }
        // Its id, name and citation describe it (an adjusted scheme cites the numbers it
        // changed): they do not make it another scheme.
        rest.id.clone_from(&preset.id);
        rest.name.clone_from(&preset.name);
        rest.citation.clone_from(&preset.citation);
        if rest != *preset {
            return None;
        }
        let text = |d: Decimal| d.normalize().to_string();
        Some(Edits {
            weights: (scheme.sources.iter().zip(&preset.sources))
                .map(|(s, p)| (s.weight != p.weight).then(|| text(s.weight)))
                .collect(),
            thresholds: (scheme.tiers.iter().zip(&preset.tiers))
                .map(|(t, p)| (t.min != p.min).then(|| t.min.map(text).unwrap_or_default()))
                .collect(),
        })
    }

    /// `list`'s value `index` set to `text` (a weight or a threshold).
    pub fn set(list: &mut Vec<Option<String>>, index: usize, text: String) {
        if list.len() <= index {
            list.resize(index + 1, None);
        }
        if let Some(slot) = list.get_mut(index) {
            *slot = Some(text);
        }
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
/// A scheme that is not a preset is carried whole after the id line (`scheme-data <its saved
/// form>`, [`super::schemes`]); entries it has no place for, by what they mean (`unused …`).
///
/// One entry per line, tokens separated by a space; `\`, a space and a newline inside a token are
/// written `\\`, `\s` and `\n`. The first line names the format and its version.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    /// The preset scheme's id (or the id of `own`).
    pub scheme: String,
    /// A scheme that is not a preset (a scheme file, 我的方案, a link, a trial applied), read
    /// and checked as a scheme file is.
    pub own: Option<OwnScheme>,
    /// The entries.
    pub draft: OrgDraft,
    /// Entries the scheme has no place for (本方案中不使用), kept by what they mean.
    pub unused: Vec<Unused>,
    /// The scheme changes.
    pub edits: Edits,
    /// The interface language (kept locally, not in links).
    pub lang: Option<Lang>,
    /// Presentation mode (kept locally, not in links).
    pub presentation: bool,
    /// Whether the working is shown (kept locally, not in links).
    pub show_why: bool,
}

fn escape(token: &str) -> std::borrow::Cow<'_, str> {
    escape_token(token, SPACE)
}

fn unescape(token: &str) -> Option<String> {
    unescape_token(token, SPACE).map(std::borrow::Cow::into_owned)
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Score => "score",
        Mode::Indicators => "indicators",
        Mode::Votes => "votes",
    }
}

fn mode_of(name: &str) -> Option<Mode> {
    match name {
        "score" => Some(Mode::Score),
        "indicators" => Some(Mode::Indicators),
        "votes" => Some(Mode::Votes),
        _ => None,
    }
}

/// An entry kept aside as its line's tokens after `unused`: the source, its form, what the entry
/// is (and its key), the value, and the names it had (the source's and its own, in Chinese, then
/// in English).
fn unused_tokens(u: &Unused) -> [&str; 9] {
    let (kind, key) = match &u.meaning {
        Meaning::Category(id) => ("category", id.as_str()),
        Meaning::Score => ("score", ""),
        Meaning::Count(level) => ("count", level.as_str()),
        Meaning::Eligible => ("eligible", ""),
        Meaning::Indicator(id) => ("ind", id.as_str()),
        Meaning::Veto(id) => ("veto", id.as_str()),
    };
    [
        &u.source,
        mode_name(u.mode),
        kind,
        key,
        &u.text,
        &u.source_name.zh,
        &u.name.zh,
        &u.source_name.en,
        &u.name.en,
    ]
}

fn unused_of(t: &[&str]) -> Option<Unused> {
    let [
        source,
        mode,
        kind,
        key,
        text,
        source_zh,
        name_zh,
        source_en,
        name_en,
    ] = t
    else {
        return None;
    };
    let key = (*key).to_owned();
    let meaning = match *kind {
        "category" => Meaning::Category(key),
        "score" => Meaning::Score,
        "count" => Meaning::Count(key),
        "eligible" => Meaning::Eligible,
        "ind" => Meaning::Indicator(key),
        "veto" => Meaning::Veto(key),
        _ => return None,
    };
    Some(Unused {
        source: (*source).to_owned(),
        source_name: dingji_rules::Text::new(*source_zh, *source_en),
        mode: mode_of(mode)?,
        meaning,
        name: dingji_rules::Text::new(*name_zh, *name_en),
        text: (*text).to_owned(),
    })
}

impl Saved {
    /// The format line this build writes and reads.
    pub const HEADER: &'static str = "dingji 1";

    /// The most lines read: a scheme's sources, levels, indicators and vetoes, each a line or
    /// two, with its entries kept aside, are far fewer.
    pub const MAX_LINES: usize = 5_000;

    /// As text.
    pub fn to_text(&self) -> String {
        let mut lines = vec![
            Self::HEADER.to_owned(),
            format!("scheme {}", escape(&self.scheme)),
        ];
        if let Some(own) = &self.own {
            lines.push(format!("scheme-data {}", own.data));
        }
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
        for u in &self.unused {
            let tokens = unused_tokens(u).map(escape);
            lines.push(format!("unused {}", tokens.join(" ")));
        }
        for (what, list) in [
            ("weight", &self.edits.weights),
            ("threshold", &self.edits.thresholds),
        ] {
            for (i, text) in list.iter().enumerate() {
                if let Some(text) = text {
                    lines.push(format!("{what} {i} {}", escape(text)));
                }
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
    pub fn from_text(text: &str, schemes: &[Rc<Scheme>]) -> Result<Self, Unreadable> {
        let mut lines = text.lines();
        match lines.next() {
            Some(Self::HEADER) => {}
            Some(other) if other.starts_with("dingji ") => {
                return Err(Unreadable::Version {
                    reads: Self::HEADER,
                });
            }
            _ => return Err(Unreadable::NotOurs(super::SavedForm::Inputs)),
        }
        // Bounded, so that reading stays linear: no scheme has more sources than
        // `MAX_SOURCES`, and no organization's entries fill more than `MAX_LINES` lines.
        if text.lines().nth(Self::MAX_LINES).is_some() {
            return Err(Unreadable::TooLong {
                max: Self::MAX_LINES,
            });
        }
        let mut saved = Saved::default();
        for (n, line) in lines.enumerate() {
            let bad = || Unreadable::Line { number: n + 2 };
            let tokens: Option<Vec<String>> = line.split(' ').map(unescape).collect();
            let tokens = tokens.ok_or_else(bad)?;
            let t: Vec<&str> = tokens.iter().map(String::as_str).collect();
            let index = |s: &str| s.parse::<usize>().ok().filter(|&i| i < 64).ok_or_else(bad);
            match t.as_slice() {
                ["scheme", id] => saved.scheme = (*id).to_owned(),
                ["scheme-data", data] => {
                    saved.own = Some(
                        OwnScheme::read(data).ok_or(Unreadable::SchemeData { number: n + 2 })?,
                    );
                }
                ["unused", rest @ ..] => saved.unused.push(unused_of(rest).ok_or_else(bad)?),
                ["category", id] => saved.draft.category = (*id).to_owned(),
                ["mode", source, mode] => {
                    map::entry(&mut saved.draft.inputs, source).mode =
                        mode_of(mode).ok_or_else(bad)?
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
                    Edits::set(&mut saved.edits.weights, index(i)?, (*text).to_owned())
                }
                ["threshold", i, text] => {
                    Edits::set(&mut saved.edits.thresholds, index(i)?, (*text).to_owned())
                }
                ["lang", "zh"] => saved.lang = Some(Lang::Zh),
                ["lang", "en"] => saved.lang = Some(Lang::En),
                ["presentation"] => saved.presentation = true,
                ["why"] => saved.show_why = true,
                [""] => {}
                _ => return Err(bad()),
            }
            // More sources, or indicators of one source, than a scheme may have: refused at the
            // line, before the entries are scanned more than a bounded number of times.
            let inputs = &saved.draft.inputs;
            if inputs.len() > dingji_rules::scheme::MAX_SOURCES
                || (inputs.iter())
                    .any(|(_, s)| s.indicators.len() > dingji_rules::scheme::MAX_INDICATORS)
            {
                return Err(bad());
            }
        }
        if saved.own.is_none() && !schemes.iter().any(|s| s.id == saved.scheme) {
            return Err(Unreadable::NoScheme);
        }
        Ok(saved)
    }

    /// The scheme the inputs were typed under, before the changes to its weights and
    /// thresholds: their own, or the preset of their id among `presets`.
    pub fn base(&self, presets: &[Rc<Scheme>]) -> Option<Rc<Scheme>> {
        base_scheme(presets, &self.scheme, self.own.as_ref())
    }

    /// As the fragment of a share link: `v1=` and the text in URL-safe base64.
    pub fn to_fragment(&self) -> String {
        format!("v1={}", super::base64::encode(self.to_text().as_bytes()))
    }

    /// Reads the fragment of a share link (without the `#`).
    pub fn from_fragment(fragment: &str, schemes: &[Rc<Scheme>]) -> Result<Self, Unreadable> {
        let Some(data) = fragment.strip_prefix("v1=") else {
            return Err(Unreadable::NotALink);
        };
        let bytes = super::base64::decode(data).ok_or(Unreadable::Damaged)?;
        let text = String::from_utf8(bytes).map_err(|_| Unreadable::Damaged)?;
        Self::from_text(&text, schemes)
    }
}

/// The scheme of `own`, or the preset `id` among `presets`.
pub fn base_scheme(
    presets: &[Rc<Scheme>],
    id: &str,
    own: Option<&OwnScheme>,
) -> Option<Rc<Scheme>> {
    match own {
        Some(own) => Some(own.scheme.clone()),
        None => presets.iter().find(|s| s.id == id).cloned(),
    }
}

/// Before a share link's fragment, what the scheme workshop over the calculator gives the page's
/// address: the inputs under a trial applied (a preset, with its weights and thresholds).
pub const APPLIED: &str = "applied-";

/// Why the edited scheme cannot be used, field by field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EditErrors {
    /// By source index.
    pub weights: Vec<(usize, Error)>,
    /// By tier index.
    pub thresholds: Vec<(usize, Error)>,
    /// About the weights together (they do not sum to 100).
    pub weights_sum: Option<Error>,
    /// Anything else.
    pub other: Option<Error>,
}

impl EditErrors {
    /// The error of the weight of source `index`.
    pub fn weight(&self, index: usize) -> Option<&Error> {
        self.weights
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, e)| e)
    }

    /// The error of the threshold of tier `index`.
    pub fn threshold(&self, index: usize) -> Option<&Error> {
        self.thresholds
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, e)| e)
    }
}

impl EditErrors {
    /// Whether every value could be used.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
            && self.thresholds.is_empty()
            && self.weights_sum.is_none()
            && self.other.is_none()
    }
}

/// The preset with the user's edits, validated; or what is wrong, by field.
#[allow(clippy::result_large_err)] // computed once per edit; the Ok side is as large
pub fn effective_scheme(base: &Scheme, edits: &Edits, lang: Lang) -> Result<Scheme, EditErrors> {
    let (scheme, errors) = edited_scheme(base, edits, lang);
    if errors.is_empty() {
        Ok(scheme)
    } else {
        Err(errors)
    }
}

/// The preset with every edit that reads as a number in range (each read once, here), and what
/// is wrong, by field: the editor shows both, the page uses the scheme only if nothing is wrong.
pub fn edited_scheme(base: &Scheme, edits: &Edits, lang: Lang) -> (Scheme, EditErrors) {
    let mut scheme = base.clone();
    let mut errors = EditErrors::default();
    if edits.is_empty() {
        return (scheme, errors);
    }
    let (weight_label, threshold_label) = if lang == Lang::Zh {
        ("权重", "分数线")
    } else {
        ("weight", "threshold")
    };
    // A value typed: read, checked to lie in 0..=100, or its error kept by index.
    let read = |text: &str, name: &str, label: &str, i: usize, errors: &mut Vec<(usize, Error)>| {
        let field = format!("{name} · {label}");
        match parse_in_range(text, &field, Decimal::ZERO, Decimal::ONE_HUNDRED) {
            Ok(v) => Some(v),
            Err(e) => {
                errors.push((i, e));
                None
            }
        }
    };
    for (i, (source, text)) in scheme.sources.iter_mut().zip(&edits.weights).enumerate() {
        if let Some(text) = text
            && let Some(w) = read(
                text,
                source.name.get(lang),
                weight_label,
                i,
                &mut errors.weights,
            )
        {
            source.weight = w;
        }
    }
    let last = scheme.tiers.len().saturating_sub(1);
    for (i, (tier, text)) in scheme
        .tiers
        .iter_mut()
        .take(last)
        .zip(&edits.thresholds)
        .enumerate()
    {
        if let Some(text) = text
            && let Some(m) = read(
                text,
                tier.name.get(lang),
                threshold_label,
                i,
                &mut errors.thresholds,
            )
        {
            tier.min = Some(m);
        }
    }
    if !errors.weights.is_empty() || !errors.thresholds.is_empty() {
        return (scheme, errors);
    }
    // Only the weights and thresholds were changed (the preset itself is valid): check those.
    let sum: Decimal = scheme.sources.iter().map(|s| s.weight).sum();
    let checked = if sum == Decimal::ONE_HUNDRED {
        dingji_rules::tier::validate(&scheme.tiers)
    } else {
        Err(Error::WeightsSum { sum })
    };
    match checked {
        Ok(()) => {}
        Err(e @ Error::WeightsSum { .. }) => errors.weights_sum = Some(e),
        Err(Error::ThresholdsNotDescending {
            tier,
            value,
            previous,
        }) => {
            let index = scheme.tiers.iter().position(|t| t.name.zh == tier);
            // The tier named in the page's language (the rules name it in Chinese).
            let tier = index
                .and_then(|i| scheme.tiers.get(i))
                .map_or(tier, |t| t.name.get(lang).to_owned());
            let e = Error::ThresholdsNotDescending {
                tier,
                value,
                previous,
            };
            errors.thresholds.push((index.unwrap_or(0), e));
        }
        Err(e) => errors.other = Some(e),
    }
    (scheme, errors)
}
