//! What a list keeps when its scheme changes (another preset, one applied from the workshop):
//! each source's form of entry where the new scheme has it in the same form, and each override
//! by the names of its tier and stars.

use dingji_rules::draft::{Mode, OrgDraft};
use dingji_rules::scheme::SourceKind;
use dingji_rules::{Lang, Scheme, map};

use crate::wire::columns::{Modes, default_modes};

/// The form each source is entered in under `to`, for a list entered in `modes` under `from`: a
/// source `to` has in the same form keeps the form it is entered in (a scheme applied from the
/// workshop), and so does one entered as a score (a score computed elsewhere is a score under
/// any scale); any other starts in its default form.
pub fn modes_under(modes: &Modes, from: &Scheme, to: &Scheme) -> Modes {
    let mut under = default_modes(to);
    for (source, mode) in modes {
        let before = from.source(source).map(|(_, s)| &s.input);
        let after = to.source(source).map(|(_, s)| &s.input);
        if let (Some(before), Some(after)) = (before, after)
            && (*mode == Mode::Score || same_form(before, after))
        {
            map::insert(&mut under, source, *mode);
        }
    }
    under
}

/// `draft` with its override moved from scheme `old` to `new` by name, if it has one: the tier
/// and stars of the same names, or none — then the old names are added to the reason and
/// returned ("「较好」、「三星」").
pub(super) fn rehome_override(
    draft: &OrgDraft,
    old: &Scheme,
    new: &Scheme,
) -> Option<(OrgDraft, Vec<String>)> {
    let o = draft.override_.as_ref()?;
    let mut moved = o.clone();
    let mut gone = Vec::new();
    if let Some(t) = o.tier {
        let name = old.tier_name(t, Lang::Zh);
        moved.tier = new.tiers.iter().position(|x| x.name.zh == name);
        if moved.tier.is_none() {
            gone.push(name.to_owned());
        }
    }
    if let Some(n) = o.stars {
        let name = old.star_name(n, Lang::Zh);
        moved.stars = new
            .stars
            .as_ref()
            .and_then(|s| s.levels.iter().find(|l| l.name.zh == name))
            .map(|l| l.stars);
        if moved.stars.is_none() {
            gone.push(name);
        }
    }
    // The reason is the clerk's record, kept in Chinese like the list's other saved names.
    if !gone.is_empty() {
        moved.reason = format!(
            "{}（原调整为「{}」，新方案中没有）",
            moved.reason,
            gone.join("」「")
        );
    }
    let mut draft = draft.clone();
    draft.override_ = Some(moved);
    Some((draft, gone))
}

/// Whether a source is entered in the same columns under both forms: the same kind, and as many
/// ballot levels (their names and points may differ: a preset's names may be read with or
/// without their English, and a trial may change the points).
fn same_form(a: &SourceKind, b: &SourceKind) -> bool {
    match (a, b) {
        (SourceKind::Vote(a), SourceKind::Vote(b)) => a.levels.len() == b.levels.len(),
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}
