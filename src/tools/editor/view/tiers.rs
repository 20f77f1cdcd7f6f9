//! The tiers (等次): their names, follow-up and stars (fixed, or split at a score).

use dingji_rules::Tier;
use dingji_rules::{Decimal, TierStars};
use yew::prelude::*;

use super::Ctx;
use crate::tools::editor::fields::{num, row_actions, select, star_options, text_field};
use crate::tools::editor::{self, written};
use crate::tools::strings::ToolStrings;

pub(super) fn tiers(c: &Ctx<'_>) -> Html {
    let (shape, start, lang) = (c.shape, c.start, c.lang);
    shape
        .tiers
        .iter()
        .enumerate()
        .map(|(i, tier)| {
            let id = format!("ed-tier-{i}");
            let was = start.tiers.get(i);
            // A change to this tier's words, where it still is.
            let with = |f: fn(&mut Tier, String)| {
                c.edit(move |s, v: String| {
                    if let Some(x) = s.tiers.get_mut(i) {
                        f(x, v)
                    }
                })
            };
            let stars = if shape.stars.is_some() { tier_stars(c, i, &id, tier) } else { Html::default() };
            let remove = (shape.tiers.len() > 2).then(|| c.edit(move |s, ()| editor::remove_tier(s, i)));
            html! {
                <div class="ed-item ed-row">
                    { text_field(format!("{id}-name"), c.t(ToolStrings::tier), tier.name.get(lang), was.map(|w| w.name.get(lang)),
                        with(|x, v| x.name = written(&v)), lang) }
                    { text_field(format!("{id}-follow-up"), c.t(ToolStrings::follow_up), tier.follow_up.get(lang),
                        was.map(|w| w.follow_up.get(lang)), with(|x, v| x.follow_up = written(&v)), lang) }
                    { stars }
                    { row_actions(&id, tier.name.get(lang), None, remove, lang) }
                </div>
            }
        })
        .collect()
}

/// The stars of tier `i`: none, a fixed level, or split at a score (one level at or above it,
/// another below).
fn tier_stars(c: &Ctx<'_>, i: usize, id: &str, tier: &Tier) -> Html {
    let (shape, lang) = (c.shape, c.lang);
    let star_levels = star_options(shape, lang);
    let kind = match tier.stars {
        TierStars::None => "none",
        TierStars::Fixed(_) => "fixed",
        TierStars::Split { .. } => "split",
    };
    let top = shape
        .stars
        .as_ref()
        .and_then(|s| s.levels.first())
        .map_or(0, |l| l.stars);
    let kinds = vec![
        ("none".into(), c.t(ToolStrings::none)),
        ("fixed".into(), c.t(ToolStrings::fixed)),
        ("split".into(), c.t(ToolStrings::split_at_a_score)),
    ];
    let set_kind = c.edit(move |s, v: String| {
        if let Some(x) = s.tiers.get_mut(i) {
            // A tier's stars so far are where a new mapping starts.
            let at = x.min.unwrap_or(Decimal::from(60));
            let now = x.stars.possible().first().copied().unwrap_or(top);
            x.stars = match (v.as_str(), x.stars) {
                ("fixed", TierStars::Fixed(_)) | ("split", TierStars::Split { .. }) => x.stars,
                ("fixed", _) => TierStars::Fixed(now),
                ("split", _) => TierStars::Split {
                    at,
                    above: now,
                    below: now.saturating_sub(1),
                },
                _ => TierStars::None,
            }
        }
    });
    let stars_select = |fid: String, label: String, value: u8, f: fn(&mut TierStars, u8)| {
        let set = c.edit(move |s, v: String| {
            if let Some(x) = s.tiers.get_mut(i) {
                f(&mut x.stars, v.parse().unwrap_or(0))
            }
        });
        select(fid, label, star_levels.clone(), &value.to_string(), set)
    };
    let how = match tier.stars {
        TierStars::Fixed(n) => stars_select(
            format!("{id}-stars"),
            c.t(ToolStrings::stars_2),
            n,
            |x, n| *x = TierStars::Fixed(n),
        ),
        TierStars::Split { at, above, below } => {
            let set_at = c.edit(move |s, v: Decimal| {
                if let Some(TierStars::Split { at, .. }) = s.tiers.get_mut(i).map(|x| &mut x.stars)
                {
                    *at = v
                }
            });
            html! {
                <>
                    { num(format!("{id}-split-at"), c.t(ToolStrings::split_at), at, None, set_at, lang) }
                    { stars_select(format!("{id}-stars-above"), c.t(ToolStrings::at_or_above), above,
                        |x, n| if let TierStars::Split { above, .. } = x { *above = n }) }
                    { stars_select(format!("{id}-stars-below"), c.t(ToolStrings::below), below,
                        |x, n| if let TierStars::Split { below, .. } = x { *below = n }) }
                </>
            }
        }
        TierStars::None => Html::default(),
    };
    html! {
        <>
            { select(format!("{id}-stars-kind"), c.t(ToolStrings::stars_2), kinds, kind, set_kind) }
            { how }
        </>
    }
}
