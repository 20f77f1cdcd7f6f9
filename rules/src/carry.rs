//! An organization's entries carried from one scheme to another by what they mean, never by
//! position (docs/domain.md reading 13): a score by its source's id, a ballot count by its
//! source's id and its level's name, an indicator entry by its id, a veto by its id. What the new
//! scheme has no place for is kept aside, with its value, and used again under a scheme that has
//! one (switching back brings it back).

use serde::{Deserialize, Serialize};

use crate::draft::{Mode, OrgDraft, SourceDraft};
use crate::map;
use crate::scheme::{Scheme, SourceKind};
use crate::text::Text;

/// What an entry is, in words that hold across schemes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "key", rename_all = "snake_case")]
pub enum Meaning {
    /// The category, by its id.
    Category(String),
    /// A source's direct score.
    Score,
    /// A ballot count, by its level's Chinese name (好, 满意, 不了解, …).
    Count(String),
    /// The people eligible to vote.
    Eligible,
    /// An indicator entry, by the indicator's id.
    Indicator(String),
    /// A veto ticked, by its id.
    Veto(String),
}

/// An entry the scheme in use has no place for (本方案中不使用), kept with its value and the
/// names it had where it was typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unused {
    /// The source's id (empty for the category and a veto).
    pub source: String,
    /// The source's name where it was typed.
    pub source_name: Text,
    /// The form the source was entered in.
    pub mode: Mode,
    /// What the entry is.
    pub meaning: Meaning,
    /// The level's, indicator's, category's or veto's name where it was typed (empty for a
    /// score and the eligible count).
    pub name: Text,
    /// The value as typed (empty for a veto).
    pub text: String,
}

impl Unused {
    /// Whether this entry and `other` are the same entry (the later typed wins).
    fn same(&self, other: &Unused) -> bool {
        self.source == other.source && self.meaning == other.meaning
    }
}

/// Every entry of `draft` as typed under `scheme`, by meaning (the draft's name and override
/// aside).
fn entries(draft: &OrgDraft, scheme: &Scheme) -> Vec<Unused> {
    let mut out = Vec::new();
    if !draft.category.is_empty() {
        let name = scheme
            .category(&draft.category)
            .map_or_else(|| Text::new(draft.category.clone(), ""), |c| c.name.clone());
        out.push(Unused {
            source: String::new(),
            source_name: Text::default(),
            mode: Mode::Score,
            meaning: Meaning::Category(draft.category.clone()),
            name,
            text: String::new(),
        });
    }
    for (id, entry) in &draft.inputs {
        let source = scheme.source(id).map(|(_, s)| s);
        let source_name = source.map_or_else(|| Text::new(id.clone(), ""), |s| s.name.clone());
        let mut push = |meaning: Meaning, name: Text, text: &str| {
            if !text.trim().is_empty() {
                out.push(Unused {
                    source: id.clone(),
                    source_name: source_name.clone(),
                    mode: entry.mode,
                    meaning,
                    name,
                    text: text.to_owned(),
                });
            }
        };
        push(Meaning::Score, Text::default(), &entry.score);
        let levels = match source.map(|s| &s.input) {
            Some(SourceKind::Vote(scale)) => scale.levels.as_slice(),
            _ => &[],
        };
        for (i, text) in entry.counts.iter().enumerate() {
            // A count past the scale's levels has no name to be found by: kept under its place.
            let name = levels
                .get(i)
                .map_or_else(|| Text::new(format!("#{}", i + 1), ""), |l| l.name.clone());
            push(Meaning::Count(name.zh.clone()), name, text);
        }
        push(Meaning::Eligible, Text::default(), &entry.eligible);
        for (indicator, text) in &entry.indicators {
            let name = all_indicators(scheme)
                .find(|x| x.id == *indicator)
                .map_or_else(|| Text::new(indicator.clone(), ""), |x| x.name.clone());
            push(Meaning::Indicator(indicator.clone()), name, text);
        }
    }
    for veto in &draft.vetoes {
        let name = (scheme.vetoes.iter().find(|v| v.id == *veto))
            .map_or_else(|| Text::new(veto.clone(), ""), |v| v.name.clone());
        out.push(Unused {
            source: String::new(),
            source_name: Text::default(),
            mode: Mode::Score,
            meaning: Meaning::Veto(veto.clone()),
            name,
            text: String::new(),
        });
    }
    out
}

fn all_indicators(scheme: &Scheme) -> impl Iterator<Item = &crate::scheme::Indicator> {
    (scheme.indicators.iter()).chain(scheme.category_indicators.iter().flat_map(|(_, v)| v))
}

/// Whether `mode` is a form `kind` can be entered in (a direct score always is).
fn fits(mode: Mode, kind: &SourceKind) -> bool {
    match mode {
        Mode::Score => true,
        Mode::Indicators => matches!(kind, SourceKind::Indicators),
        Mode::Votes => matches!(kind, SourceKind::Vote(_)),
    }
}

/// `draft` (typed under `from`, with `kept` aside) as entered under `to`: each entry where `to`
/// has a place for what it means, the rest aside. The name and the override go along as they
/// are; a source keeps the form it was entered in where `to` takes it.
pub fn carry(
    draft: &OrgDraft,
    from: &Scheme,
    kept: &[Unused],
    to: &Scheme,
) -> (OrgDraft, Vec<Unused>) {
    // The entries typed last first: one kept aside for the same place gives way.
    let mut all = entries(draft, from);
    for old in kept {
        if !all.iter().any(|e| e.same(old)) {
            all.push(old.clone());
        }
    }
    let mut out = OrgDraft::for_scheme(to);
    out.name.clone_from(&draft.name);
    out.override_.clone_from(&draft.override_);
    // Each source's form: as it was entered (in the draft, else aside), where `to` takes it.
    for (id, entry) in &mut out.inputs {
        let Some((_, source)) = to.source(id) else {
            continue;
        };
        let was = map::get(&draft.inputs, id)
            .map(|d| d.mode)
            .or_else(|| all.iter().find(|e| e.source == *id).map(|e| e.mode));
        if let Some(mode) = was.filter(|m| fits(*m, &source.input)) {
            entry.mode = mode;
        }
    }
    let mut unused = Vec::new();
    for e in all {
        if !place(&mut out, to, &e) {
            unused.push(e);
        }
    }
    (out, unused)
}

/// Puts `e` in `draft` under `to`; `false` where `to` has no place for it.
fn place(draft: &mut OrgDraft, to: &Scheme, e: &Unused) -> bool {
    let source = to.source(&e.source).map(|(_, s)| s);
    fn slot<'a>(draft: &'a mut OrgDraft, e: &Unused) -> Option<&'a mut SourceDraft> {
        draft
            .inputs
            .iter_mut()
            .find(|(k, _)| *k == e.source)
            .map(|(_, v)| v)
    }
    match (&e.meaning, source) {
        (Meaning::Category(id), _) if to.category(id).is_some() => {
            draft.category.clone_from(id);
            true
        }
        (Meaning::Veto(id), _) if to.vetoes.iter().any(|v| v.id == *id) => {
            if !draft.vetoes.contains(id) {
                draft.vetoes.push(id.clone());
            }
            true
        }
        (Meaning::Score, Some(_)) => slot(draft, e)
            .map(|s| s.score.clone_from(&e.text))
            .is_some(),
        (Meaning::Count(level), Some(s)) => {
            let SourceKind::Vote(scale) = &s.input else {
                return false;
            };
            let Some(at) = scale.levels.iter().position(|l| l.name.zh == *level) else {
                return false;
            };
            slot(draft, e)
                .map(|s| {
                    if s.counts.len() <= at {
                        s.counts.resize(at + 1, String::new());
                    }
                    if let Some(c) = s.counts.get_mut(at) {
                        c.clone_from(&e.text);
                    }
                })
                .is_some()
        }
        (Meaning::Eligible, Some(s)) => {
            matches!(&s.input, SourceKind::Vote(scale) if scale.participation.is_some())
                && slot(draft, e)
                    .map(|s| s.eligible.clone_from(&e.text))
                    .is_some()
        }
        (Meaning::Indicator(id), Some(s)) => {
            matches!(s.input, SourceKind::Indicators)
                && all_indicators(to).any(|x| x.id == *id)
                && slot(draft, e)
                    .map(|s| map::insert(&mut s.indicators, id, e.text.clone()))
                    .is_some()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn township() -> Scheme {
        Scheme::from_json(include_str!(
            "../../tests/fixtures/township-satisfaction.json"
        ))
        .unwrap()
    }

    /// The draft of domain.md's worked example under preset B: 党委评定 92, ballots 30/15/4/1,
    /// 自评 95.
    fn example(b: &Scheme) -> OrgDraft {
        let mut d = OrgDraft::for_scheme(b);
        map::entry(&mut d.inputs, "committee").score = "92".into();
        map::entry(&mut d.inputs, "vote").counts =
            ["30", "15", "4", "1"].map(String::from).to_vec();
        map::entry(&mut d.inputs, "self").score = "95".into();
        d
    }

    #[test]
    fn ballots_are_never_laid_onto_another_scale_by_position() {
        let b = presets::by_id("B").unwrap();
        let township = township();
        let (under, unused) = carry(&example(&b), &b, &[], &township);
        // No level of the township's 满意 scale is named 好/较好/一般/较差: every count is aside.
        for (_, s) in &under.inputs {
            assert!(s.counts.iter().all(String::is_empty), "{under:?}");
        }
        let counts: Vec<_> = unused
            .iter()
            .filter_map(|u| match &u.meaning {
                Meaning::Count(level) => Some((level.as_str(), u.text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            counts,
            [("好", "30"), ("较好", "15"), ("一般", "4"), ("较差", "1")]
        );
        // Back under B, with nothing typed since: everything is where it was.
        let (back, none) = carry(&under, &township, &unused, &b);
        assert_eq!(back, example(&b));
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn a_count_goes_to_the_level_of_the_same_name_wherever_it_is() {
        let b = presets::by_id("B").unwrap();
        let mut reordered = b.clone();
        reordered.id = "R".into();
        if let SourceKind::Vote(scale) = &mut reordered.sources[1].input {
            scale.levels.reverse();
        }
        let (under, unused) = carry(&example(&b), &b, &[], &reordered);
        assert_eq!(under.source("vote").unwrap().counts, ["1", "4", "15", "30"]);
        assert!(unused.is_empty());
    }

    #[test]
    fn an_entry_typed_since_wins_over_the_one_kept_aside() {
        let b = presets::by_id("B").unwrap();
        // The township's scheme with its committee's source under B's id: its score goes along.
        let mut township = township();
        township.sources[0].id = "committee".into();
        let (mut under, unused) = carry(&example(&b), &b, &[], &township);
        assert_eq!(
            under.source("committee").map(|s| s.score.as_str()),
            Some("92")
        );
        assert!(unused.iter().all(|u| u.source != "committee"));
        map::entry(&mut under.inputs, "committee").score = "80".into();
        let (back, _) = carry(&under, &township, &unused, &b);
        assert_eq!(back.source("committee").unwrap().score, "80");
        assert_eq!(back.source("self").unwrap().score, "95");
    }
}
