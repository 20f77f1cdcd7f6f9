//! The columns of the list: what each organization's row holds, derived from the scheme and the
//! form each source is entered in. A column reads and writes one text of an [`OrgDraft`]; its key
//! is stable (saved lists, exported files) and its header is what a clerk sees in Excel.

use std::borrow::Cow;

use super::codec::excerpt;
use dingji_rules::draft::{Field, Mode, OrgDraft};
use dingji_rules::map;
use dingji_rules::org::Override;
use dingji_rules::scheme::{Scoring, SourceKind};
use dingji_rules::{Lang, Scheme};

/// Why a cell's text was refused (its message, in either language, is
/// `shared::i18n::cell_error_message`). Each holds the text refused, shortened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellError {
    /// A score or an indicator entry that is not a number.
    NotANumber(String),
    /// A count of ballots or people that is not a whole number of at least 0.
    NotACount(String),
    /// A veto's cell: "是" (yes) or nothing.
    NotYes(String),
    /// An override's tier that is none of the scheme's.
    NoTier(String),
    /// An override's star level that is none of the scheme's.
    NoStars(String),
}

/// An input column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Col {
    /// The organization's name.
    Name,
    /// Its category (a name or an id).
    Category,
    /// A source's direct score.
    Score(String),
    /// A source's ballots of one level.
    Count(String, usize),
    /// A source's number of people eligible to vote.
    Eligible(String),
    /// A source's indicator entry.
    Indicator(String, String),
    /// A veto: "是" when ticked.
    Veto(String),
    /// The committee's override: the tier (by name).
    OverrideTier,
    /// The committee's override: the stars (by name).
    OverrideStars,
    /// The committee's override: the reason.
    OverrideReason,
}

/// The form each source is entered in, for the whole list.
pub type Modes = Vec<(String, Mode)>;

/// The form a source of `scheme` is entered in by default.
pub fn default_mode(kind: &SourceKind) -> Mode {
    match kind {
        SourceKind::Direct => Mode::Score,
        SourceKind::Indicators => Mode::Indicators,
        SourceKind::Vote(_) => Mode::Votes,
    }
}

/// The default forms of every source.
pub fn default_modes(scheme: &Scheme) -> Modes {
    scheme
        .sources
        .iter()
        .map(|s| (s.id.clone(), default_mode(&s.input)))
        .collect()
}

/// Every input column, in order.
pub fn columns(scheme: &Scheme, modes: &Modes) -> Vec<Col> {
    let mut cols = vec![Col::Name, Col::Category];
    for source in &scheme.sources {
        let mode = map::get(modes, &source.id)
            .copied()
            .unwrap_or_else(|| default_mode(&source.input));
        let id = source.id.clone();
        match (&source.input, mode) {
            (SourceKind::Vote(scale), Mode::Votes) => {
                cols.extend((0..scale.levels.len()).map(|l| Col::Count(id.clone(), l)));
                cols.push(Col::Eligible(id));
            }
            (SourceKind::Indicators, Mode::Indicators) => {
                // The union of every category's indicators, in order of first appearance.
                let mut seen: Vec<&str> = Vec::new();
                for category in &scheme.categories {
                    for ind in scheme.indicators_for(&category.id) {
                        if !seen.contains(&ind.id.as_str()) {
                            seen.push(&ind.id);
                            cols.push(Col::Indicator(id.clone(), ind.id.clone()));
                        }
                    }
                }
            }
            _ => cols.push(Col::Score(id)),
        }
    }
    cols.extend(scheme.vetoes.iter().map(|v| Col::Veto(v.id.clone())));
    // The committee's override: its tier, its stars where the scheme has stars, its reason.
    cols.push(Col::OverrideTier);
    if scheme.stars.is_some() {
        cols.push(Col::OverrideStars);
    }
    cols.push(Col::OverrideReason);
    cols
}

/// More levels than any vote scale has (the saved calculator state bounds its levels the same).
pub const MAX_LEVELS: usize = 64;

/// What a ticked veto reads as.
pub const YES: &str = "是";

impl Col {
    /// The stable key: `name`, `score:committee`, `count:vote:0`, `ind:committee:leader` …
    pub fn key(&self) -> String {
        match self {
            Col::Name => "name".into(),
            Col::Category => "category".into(),
            Col::Score(s) => format!("score:{s}"),
            Col::Count(s, l) => format!("count:{s}:{l}"),
            Col::Eligible(s) => format!("eligible:{s}"),
            Col::Indicator(s, i) => format!("ind:{s}:{i}"),
            Col::Veto(v) => format!("veto:{v}"),
            Col::OverrideTier => "override-tier".into(),
            Col::OverrideStars => "override-stars".into(),
            Col::OverrideReason => "override-reason".into(),
        }
    }

    /// The column of a key, if it names one. A level is below [`MAX_LEVELS`]: a damaged key
    /// (`count:vote:4000000000`) names no column rather than one that would size a row's counts.
    pub fn from_key(key: &str) -> Option<Col> {
        let parts: Vec<&str> = key.split(':').collect();
        Some(match parts.as_slice() {
            ["name"] => Col::Name,
            ["category"] => Col::Category,
            ["score", s] => Col::Score((*s).into()),
            ["count", s, l] => Col::Count(
                (*s).into(),
                l.parse().ok().filter(|&l: &usize| l < MAX_LEVELS)?,
            ),
            ["eligible", s] => Col::Eligible((*s).into()),
            ["ind", s, i] => Col::Indicator((*s).into(), (*i).into()),
            ["veto", v] => Col::Veto((*v).into()),
            ["override-tier"] => Col::OverrideTier,
            ["override-stars"] => Col::OverrideStars,
            ["override-reason"] => Col::OverrideReason,
            _ => return None,
        })
    }

    /// The header a clerk sees: `党委评定`, `党员群众测评·好（票）`, `党委评定·党组织带头人`.
    pub fn header(&self, scheme: &Scheme, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let source = |s: &str| {
            scheme
                .source(s)
                .map_or(s.to_owned(), |(_, x)| x.name.get(lang).to_owned())
        };
        match self {
            Col::Name => (if zh { "组织名称" } else { "Organization" }).into(),
            Col::Category => (if zh { "分类" } else { "Category" }).into(),
            Col::Score(s) => source(s),
            Col::Count(s, l) => {
                let level = match scheme.source(s).map(|(_, x)| &x.input) {
                    Some(SourceKind::Vote(scale)) => {
                        scale.levels.get(*l).map_or("", |x| x.name.get(lang))
                    }
                    _ => "",
                };
                if zh {
                    format!("{}·{level}（票）", source(s))
                } else {
                    format!("{} · {level} (ballots)", source(s))
                }
            }
            Col::Eligible(s) => {
                if zh {
                    format!("{}·应参加人数", source(s))
                } else {
                    format!("{} · eligible", source(s))
                }
            }
            Col::Indicator(s, i) => {
                let indicator = scheme
                    .categories
                    .iter()
                    .flat_map(|c| scheme.indicators_for(&c.id))
                    .find(|x| &x.id == i);
                let deducted = indicator.is_some_and(|x| x.scoring == Scoring::Deduct);
                let name = indicator.map_or(i.as_str(), |x| x.name.get(lang));
                // An entry there is points taken off, and the header says so.
                match (deducted, zh) {
                    (true, true) => format!("{}·{name}（扣分）", source(s)),
                    (true, false) => format!("{} · {name} (points deducted)", source(s)),
                    (false, _) => format!("{}·{name}", source(s)),
                }
            }
            Col::Veto(v) => {
                let name = scheme
                    .vetoes
                    .iter()
                    .find(|x| &x.id == v)
                    .map_or(v.as_str(), |x| x.name.get(lang));
                if zh {
                    format!("否决·{name}")
                } else {
                    format!("Veto · {name}")
                }
            }
            Col::OverrideTier => (if zh { "调整等次" } else { "Override tier" }).into(),
            Col::OverrideStars => (if zh { "调整星级" } else { "Override stars" }).into(),
            Col::OverrideReason => (if zh {
                "调整理由"
            } else {
                "Override reason"
            })
            .into(),
        }
    }

    /// The text of this column in `draft`: lent from the draft or the scheme where it is there
    /// as shown (a list of 100,000 rows is written out a million cells at a time).
    pub fn get<'a>(&self, draft: &'a OrgDraft, scheme: &'a Scheme) -> Cow<'a, str> {
        let source = |s: &str| draft.source(s);
        let lent = |text: Option<&'a String>| Cow::Borrowed(text.map_or("", String::as_str));
        match self {
            Col::Name => Cow::Borrowed(&draft.name),
            Col::Category => Cow::Borrowed(
                scheme
                    .category(&draft.category)
                    .map_or(&draft.category, |c| &c.name.zh),
            ),
            Col::Score(s) => lent(source(s).map(|d| &d.score)),
            Col::Count(s, l) => lent(source(s).and_then(|d| d.counts.get(*l))),
            Col::Eligible(s) => lent(source(s).map(|d| &d.eligible)),
            Col::Indicator(s, i) => lent(source(s).and_then(|d| map::get(&d.indicators, i))),
            Col::Veto(v) => Cow::Borrowed(if draft.vetoes.contains(v) { YES } else { "" }),
            Col::OverrideTier => Cow::Borrowed(
                draft
                    .override_
                    .as_ref()
                    .and_then(|o| o.tier)
                    .map_or("", |t| scheme.tier_name(t, Lang::Zh)),
            ),
            Col::OverrideStars => draft
                .override_
                .as_ref()
                .and_then(|o| o.stars)
                .map_or(Cow::Borrowed(""), |n| {
                    Cow::Owned(scheme.star_name(n, Lang::Zh))
                }),
            Col::OverrideReason => lent(draft.override_.as_ref().map(|o| &o.reason)),
        }
    }

    /// Sets this column of `draft` to `text`. Text that names nothing (an unknown tier) is an
    /// error, returned with the column untouched.
    pub fn set(
        &self,
        draft: &mut OrgDraft,
        scheme: &Scheme,
        modes: &Modes,
        text: &str,
    ) -> Result<(), CellError> {
        let text = text.trim();
        fn source<'d>(
            draft: &'d mut OrgDraft,
            scheme: &Scheme,
            modes: &Modes,
            s: &str,
        ) -> &'d mut dingji_rules::draft::SourceDraft {
            let mode = map::get(modes, s).copied();
            let d = draft.source_mut(scheme, s);
            if let Some(m) = mode {
                d.mode = m;
            }
            d
        }
        match self {
            Col::Name => draft.name = text.to_owned(),
            Col::Category => draft.category = text.to_owned(),
            Col::Score(s) => source(draft, scheme, modes, s).score = text.to_owned(),
            Col::Count(s, l) => {
                let counts = &mut source(draft, scheme, modes, s).counts;
                if text.is_empty() && counts.len() <= *l {
                    return Ok(());
                }
                if counts.len() <= *l {
                    counts.resize(l + 1, String::new());
                }
                if let Some(slot) = counts.get_mut(*l) {
                    *slot = text.to_owned();
                }
            }
            Col::Eligible(s) => source(draft, scheme, modes, s).eligible = text.to_owned(),
            Col::Indicator(s, i) => map::insert(
                &mut source(draft, scheme, modes, s).indicators,
                i,
                text.to_owned(),
            ),
            Col::Veto(v) => {
                let ticked = matches!(
                    text,
                    "是" | "√" | "✓" | "1" | "Y" | "y" | "yes" | "Yes" | "TRUE" | "true"
                );
                if !ticked
                    && !text.is_empty()
                    && !matches!(text, "否" | "0" | "N" | "n" | "no" | "FALSE" | "false")
                {
                    return Err(CellError::NotYes(excerpt(text)));
                }
                draft.vetoes.retain(|x| x != v);
                if ticked {
                    draft.vetoes.push(v.clone());
                }
            }
            Col::OverrideTier | Col::OverrideStars | Col::OverrideReason => {
                let mut o = draft.override_.take().unwrap_or_default();
                match self {
                    Col::OverrideTier if text.is_empty() => o.tier = None,
                    Col::OverrideTier => {
                        let t = scheme
                            .tiers
                            .iter()
                            .position(|t| t.name.zh == text || t.name.en == text);
                        match t {
                            Some(t) => o.tier = Some(t),
                            None => {
                                draft.override_ = Some(o).filter(|o| *o != Override::default());
                                return Err(CellError::NoTier(excerpt(text)));
                            }
                        }
                    }
                    Col::OverrideStars if text.is_empty() => o.stars = None,
                    Col::OverrideStars => {
                        let levels = scheme
                            .stars
                            .as_ref()
                            .map(|s| s.levels.as_slice())
                            .unwrap_or_default();
                        match levels.iter().find(|l| {
                            l.name.zh == text || l.name.en == text || l.stars.to_string() == text
                        }) {
                            Some(l) => o.stars = Some(l.stars),
                            None => {
                                draft.override_ = Some(o).filter(|o| *o != Override::default());
                                return Err(CellError::NoStars(excerpt(text)));
                            }
                        }
                    }
                    _ => o.reason = text.to_owned(),
                }
                draft.override_ = Some(o).filter(|o| *o != Override::default());
            }
        }
        Ok(())
    }

    /// Whether a draft's field error belongs to this column.
    pub fn owns(&self, field: &Field) -> bool {
        match (self, field) {
            (Col::Category, Field::Category) => true,
            (Col::Score(s), Field::Score { source })
            | (Col::Eligible(s), Field::Eligible { source }) => s == source,
            (Col::Count(s, l), Field::Count { source, level }) => s == source && l == level,
            (Col::Indicator(s, i), Field::Indicator { source, indicator }) => {
                s == source && i == indicator
            }
            (Col::Count(s, 0), Field::Source { source }) => s == source,
            (Col::OverrideTier | Col::OverrideReason, Field::Override) => true,
            _ => false,
        }
    }
}
