//! The star levels (星级), their names and who confirms them, and the cap on the top level.

use dingji_rules::scheme::{CapBase, StarCap, StarLevel};
use dingji_rules::{Decimal, Text};
use yew::prelude::*;

use super::Ctx;
use crate::tools::editor::fields::{
    button, check, num, rounding_from, rounding_of, rounding_options, row_actions, scope_from,
    scope_of, scope_options, select, star_options, text_field,
};
use crate::tools::editor::{self, written};
use crate::tools::strings::ToolStrings;

pub(super) fn stars(c: &Ctx<'_>) -> Html {
    let Some(stars) = &c.shape.stars else {
        return Html::default();
    };
    let levels = stars
        .levels
        .iter()
        .enumerate()
        .map(|(k, level)| star_level(c, k, level, stars.levels.len()))
        .collect::<Html>();
    let add = c.edit(|s, ()| {
        if let Some(x) = s.stars.as_mut() {
            let n = x
                .levels
                .iter()
                .map(|l| l.stars)
                .max()
                .map_or(0, |m| m.saturating_add(1));
            let name = Text::new(format!("{n}星级"), format!("{n} stars"));
            x.levels.insert(
                0,
                StarLevel {
                    stars: n,
                    name,
                    confirmer: Default::default(),
                },
            );
        }
    });
    let cap_on = c.edit(|s, v: bool| {
        if let Some(x) = s.stars.as_mut() {
            x.cap = if v { editor::star_cap(x) } else { None }
        }
    });
    html! {
        <>
            { levels }
            <div class="ed-row">
                { button("ed-add-star".into(), c.t(ToolStrings::add_a_level_2), add) }
                { check("ed-star-cap-on".into(), c.t(ToolStrings::cap_on_the_top_level), stars.cap.is_some(), cap_on) }
            </div>
            { for stars.cap.as_ref().map(|cap| star_cap(c, cap)) }
        </>
    }
}

/// Star level `k`: its count of stars, its name, who confirms it.
fn star_level(c: &Ctx<'_>, k: usize, level: &StarLevel, count: usize) -> Html {
    let lang = c.lang;
    let id = format!("ed-star-{k}");
    let was = c.start.star_level(level.stars);
    // A change to this level's words, where it still is.
    let with = |f: fn(&mut StarLevel, String)| {
        c.edit(move |s, v: String| {
            if let Some(l) = s.stars.as_mut().and_then(|x| x.levels.get_mut(k)) {
                f(l, v)
            }
        })
    };
    let set_count = c.edit(move |s, v: Decimal| {
        if let Some(l) = s.stars.as_mut().and_then(|x| x.levels.get_mut(k)) {
            l.stars = u8::try_from(v.trunc().mantissa()).unwrap_or(u8::MAX)
        }
    });
    let remove = (count > 1).then(|| {
        c.edit(move |s, ()| {
            if let Some(x) = s.stars.as_mut() {
                x.levels.remove(k);
            }
        })
    });
    html! {
        <div class="ed-row">
            { num(format!("{id}-count"), c.t(ToolStrings::stars), level.stars.into(), was.map(|w| w.stars.into()), set_count, lang) }
            { text_field(format!("{id}-name"), c.t(ToolStrings::name), level.name.get(lang), was.map(|w| w.name.get(lang)),
                with(|l, v| l.name = written(&v)), lang) }
            { text_field(format!("{id}-confirmer"), c.t(ToolStrings::confirmed_by), level.confirmer.get(lang),
                was.map(|w| w.confirmer.get(lang)), with(|l, v| l.confirmer = written(&v)), lang) }
            { row_actions(&id, level.name.get(lang), None, remove, lang) }
        </div>
    }
}

/// The cap on the top level: which level, a share of what, the count's rounding, counted in all
/// or by category, and what the rest get.
fn star_cap(c: &Ctx<'_>, cap: &StarCap) -> Html {
    let (shape, lang) = (c.shape, c.lang);
    let star_levels = star_options(shape, lang);
    let bases: Vec<(String, String)> =
        std::iter::once(("all".to_owned(), c.t(ToolStrings::all_organizations)))
            .chain((0..shape.tiers.len()).map(|i| {
                let tier = shape.tier_name(i, lang);
                (
                    i.to_string(),
                    format!("{tier}{}", c.t(ToolStrings::organizations)),
                )
            }))
            .collect();
    let base = match cap.base {
        CapBase::All => "all".to_owned(),
        CapBase::Tier(i) => i.to_string(),
    };
    // A change to the cap, where it still is.
    let with = |f: fn(&mut StarCap, String)| {
        c.edit(move |s, v: String| {
            if let Some(cap) = s.stars.as_mut().and_then(|x| x.cap.as_mut()) {
                f(cap, v)
            }
        })
    };
    html! {
        <div class="ed-row">
            { select("ed-star-cap-stars".into(), c.t(ToolStrings::capped_level), star_levels.clone(), &cap.stars.to_string(),
                with(|c, v| c.stars = v.parse().unwrap_or(c.stars))) }
            { select("ed-star-cap-base".into(), c.t(ToolStrings::share_of), bases, &base,
                with(|c, v| c.base = v.parse().map_or(CapBase::All, CapBase::Tier))) }
            { select("ed-star-cap-rounding".into(), c.t(ToolStrings::count_rounded), rounding_options(lang),
                rounding_of(cap.rounding), with(|c, v| c.rounding = rounding_from(&v))) }
            { select("ed-star-cap-scope".into(), c.t(ToolStrings::counted), scope_options(lang), scope_of(cap.scope),
                with(|c, v| c.scope = scope_from(&v))) }
            { select("ed-star-cap-demote".into(), c.t(ToolStrings::the_rest_get), star_levels, &cap.demote_to.to_string(),
                with(|c, v| c.demote_to = v.parse().unwrap_or(c.demote_to))) }
        </div>
    }
}
